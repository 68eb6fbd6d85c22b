<#
.SYNOPSIS
    Nightly job: exports the Kustomer customers changed since the last run to CSV, logs what failed.
.DESCRIPTION
    Meant for a scheduler (cron, Task Scheduler, a CI job). The API key comes from the
    KUSTOMER_API_KEY environment variable (or -ApiKey). The export is Export-ChangedKustomerCustomers.ps1
    (beside this script): a search for the customers updated since the bookmark kept in
    -BookmarkFile, oldest change first; a first run looks back -FirstRunDays days. Rate limits are
    waited out by the module (pacing by the quota headers, waits the service states honoured, up to
    -MaxRetries per request); whatever still fails is written to the log with its error id, and the
    job exits with code 1 so the scheduler notices. The customers that were read are always written,
    and the bookmark moves to the last of them, so the next run goes on from there.
    Exit codes: 0 all well, 1 some requests failed, 2 the job could not start (no key, the key
    refused, the module missing; nothing done). Every exit writes its reason to the log.
.EXAMPLE
    pwsh -NoProfile -File ./Invoke-NightlyCustomerSync.ps1 -OutFile ./changed.csv -BookmarkFile ./kustomer.bookmark -LogFile ./sync.log
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $OutFile,
    [Parameter(Mandatory)] [string] $BookmarkFile,
    [Parameter(Mandatory)] [string] $LogFile,
    [ValidateRange(1, 730)] [int] $FirstRunDays = 7,
    [securestring] $ApiKey,
    [uri] $BaseUri,
    [ValidateRange(0, 20)] [int] $MaxRetries = 8
)

$ErrorActionPreference = 'Stop'
function Add-SyncLogLine([string] $Message) {
    "{0:u} {1}" -f [DateTime]::UtcNow, $Message | Add-Content -Path $LogFile -Encoding utf8
}

$failures = $null
try {
    # No "#Requires -Modules CustomerTools" as in the other examples: a script that requires a
    # missing module never starts, so it could not log why. Here the first command loads it from
    # the module path, and a missing module is a CommandNotFoundException caught below.
    $connect = @{ MaxRetries = $MaxRetries }
    if ($ApiKey) { $connect.ApiKey = $ApiKey }
    if ($BaseUri) { $connect.BaseUri = $BaseUri }
    Connect-Kustomer @connect

    # Per-request problems (still throttled, service errors) are collected, not fatal.
    $export = @{ Path = $OutFile; BookmarkFile = $BookmarkFile; FirstRunDays = $FirstRunDays }
    $summary = & (Join-Path $PSScriptRoot 'Export-ChangedKustomerCustomers.ps1') @export -ErrorAction SilentlyContinue -ErrorVariable failures
}
catch {
    # No module, no key, or a key that is refused or lacks the role: the job stops.
    Add-SyncLogLine "FATAL $($_.FullyQualifiedErrorId.Split(',')[0]): $($_.Exception.Message)"
    exit 2
}

Add-SyncLogLine "Customers updated since $($summary.Since.ToString('o'))"
foreach ($failure in $failures) {
    Add-SyncLogLine ("FAILED {0} {1}: {2}" -f $failure.TargetObject, $failure.FullyQualifiedErrorId.Split(',')[0], $failure.Exception.Message)
}
$bookmark = if ($null -ne $summary.Bookmark) { $summary.Bookmark.ToString('o') } else { 'unchanged' }
Add-SyncLogLine "Done: $($summary.Exported) written, $(@($failures).Count) failed, bookmark $bookmark"
Disconnect-Kustomer
exit $(if ($failures) { 1 } else { 0 })
