<#
.SYNOPSIS
    Nightly job: reads Kustomer customers for a list of ids, writes them to CSV, logs what failed.
.DESCRIPTION
    Meant for a scheduler (cron, Task Scheduler, a CI job). The API key comes from the
    KUSTOMER_API_KEY environment variable (or -ApiKey). Rate limits are waited out by the module
    (pacing by the quota headers, Retry-After honoured, up to -MaxRetries per request); whatever
    still fails is written to the log, one line per input with its error id, and the job exits
    with code 1 so the scheduler notices. Customers that were read are always written.
.EXAMPLE
    pwsh -NoProfile -File ./Invoke-NightlyCustomerSync.ps1 -IdFile ./ids.txt -OutFile ./customers.csv -LogFile ./sync.log
#>
[CmdletBinding()]
param(
    # One Kustomer id per line.
    [Parameter(Mandatory)] [string] $IdFile,
    [Parameter(Mandatory)] [string] $OutFile,
    [Parameter(Mandatory)] [string] $LogFile,
    [securestring] $ApiKey,
    [uri] $BaseUri,
    [ValidateRange(1, 64)] [int] $ThrottleLimit = 8,
    [ValidateRange(0, 20)] [int] $MaxRetries = 8
)

$ErrorActionPreference = 'Stop'
function Write-Log([string] $Message) {
    "{0:u} {1}" -f [DateTime]::UtcNow, $Message | Add-Content -Path $LogFile -Encoding utf8
}

$connect = @{ MaxRetries = $MaxRetries }
if ($ApiKey) { $connect.ApiKey = $ApiKey }
if ($BaseUri) { $connect.BaseUri = $BaseUri }
Connect-Kustomer @connect

$ids = Get-Content -Path $IdFile | Where-Object { $_.Trim() } | ForEach-Object { $_.Trim() }
Write-Log "Starting: $($ids.Count) ids"

$failures = $null
try {
    # Per-input problems (not found, still throttled, service errors) are collected, not fatal.
    $ids | Get-KustomerCustomer -ThrottleLimit $ThrottleLimit -ErrorAction SilentlyContinue -ErrorVariable failures |
        Select-Object Id, Name, Email, Phone, ExternalId, @{ Name = 'UpdatedAt'; Expression = { $_.UpdatedAt.ToString('o') } } |
        Export-Csv -Path $OutFile -NoTypeInformation -Encoding utf8
}
catch {
    # Connection-level problems (a key that is refused or lacks the role) stop the job.
    Write-Log "FATAL $($_.FullyQualifiedErrorId.Split(',')[0]): $($_.Exception.Message)"
    exit 2
}

foreach ($failure in $failures) {
    Write-Log ("FAILED {0} {1}: {2}" -f $failure.TargetObject, $failure.FullyQualifiedErrorId.Split(',')[0], $failure.Exception.Message)
}
Write-Log "Done: $(@(Import-Csv $OutFile).Count) written, $(@($failures).Count) failed"
Disconnect-Kustomer
exit $(if ($failures) { 1 } else { 0 })
