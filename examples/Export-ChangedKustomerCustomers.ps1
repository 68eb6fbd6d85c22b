<#
.SYNOPSIS
    Exports the Kustomer customers changed since the start of this week (or -Since) to a CSV file.
.EXAMPLE
    Connect-Kustomer -ApiKey (Get-Secret KustomerApiKey)
    ./Export-ChangedKustomerCustomers.ps1 -Path ./changed-this-week.csv
.EXAMPLE
    ./Export-ChangedKustomerCustomers.ps1 -Path ./changed.csv -Since (Get-Date).AddDays(-1) -Connection $euOrg
#>
[CmdletBinding()]
param(
    # Where to write the CSV.
    [Parameter(Mandatory)]
    [string] $Path,

    # Customers updated at or after this time; by default Monday 00:00 of this week (local time).
    [datetime] $Since = (Get-Date).Date.AddDays(-(((Get-Date).DayOfWeek.value__ + 6) % 7)),

    # A connection from Connect-Kustomer -PassThru; by default the session's.
    [CustomerTools.Kustomer.KustomerConnection] $Connection
)

$sinceUtc = [DateTimeOffset]$Since.ToUniversalTime()
$get = @{ All = $true }
if ($Connection) { $get.Connection = $Connection }

Write-Verbose "Exporting customers updated since $($sinceUtc.ToString('u')) to $Path"
$exported = 0
Get-KustomerCustomer @get |
    Where-Object { $_.UpdatedAt -ge $sinceUtc } |
    ForEach-Object { $exported++; $_ } |
    Select-Object Id, Name, Email, Phone, ExternalId,
        @{ Name = 'Tags'; Expression = { $_.Tags -join '; ' } },
        @{ Name = 'UpdatedAt'; Expression = { $_.UpdatedAt.ToString('o') } },
        @{ Name = 'OpenConversations'; Expression = { $_.ConversationCounts.Open } } |
    Export-Csv -Path $Path -NoTypeInformation -Encoding utf8

Write-Verbose "$exported customers exported"
