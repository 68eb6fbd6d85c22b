<#
.SYNOPSIS
    Exports the Kustomer customers changed since the last run to a CSV file, and keeps a bookmark for the next run.
.DESCRIPTION
    Asks Kustomer's search for the customers updated since the bookmark, oldest change first, so
    the export costs a request per 500 changed customers, however large the org. The bookmark is
    the last UpdatedAt the previous run wrote, kept in -BookmarkFile; a first run, with no bookmark
    yet, takes the customers changed in the last -FirstRunDays days. After the export the last
    UpdatedAt written becomes the new bookmark; when nothing changed, the bookmark stays, and a
    first run that found nothing keeps the start of the window it searched, so the next run goes
    on from there instead of looking back -FirstRunDays from its own time. Customers updated at
    exactly the bookmark's time come again in the next run. Customers deleted since then come too,
    as tombstones: a row with Deleted True, for the system fed by the export to remove them (Kustomer
    sends no delete events). The CSV always has its header row, even when no customer changed.
    Writes a summary object: Exported, Since, Bookmark.
.EXAMPLE
    Connect-Kustomer -ApiKey (Get-Secret KustomerApiKey)
    ./Export-ChangedKustomerCustomers.ps1 -Path ./changed.csv -BookmarkFile ./kustomer.bookmark
.EXAMPLE
    ./Export-ChangedKustomerCustomers.ps1 -Path ./changed.csv -Since (Get-Date).AddDays(-1) -Connection $euOrg
#>
#Requires -Modules CustomerTools
[CmdletBinding()]
param(
    # Where to write the CSV.
    [Parameter(Mandatory)]
    [string] $Path,

    # The file that keeps the bookmark between runs; by default beside the CSV.
    [string] $BookmarkFile = "$Path.bookmark",

    # Customers updated at or after this time; by default the bookmark, else -FirstRunDays ago.
    [DateTimeOffset] $Since,

    # How far back a first run (no bookmark yet, no -Since) looks.
    [ValidateRange(1, 730)]
    [int] $FirstRunDays = 7,

    # A connection from Connect-Kustomer -PassThru; by default the session's.
    [CustomerTools.Kustomer.KustomerConnection] $Connection
)

if (-not $PSBoundParameters.ContainsKey('Since')) {
    $Since = if (Test-Path -LiteralPath $BookmarkFile) {
        [DateTimeOffset]::Parse((Get-Content -LiteralPath $BookmarkFile -TotalCount 1), [cultureinfo]::InvariantCulture)
    }
    else {
        [DateTimeOffset]::Now.AddDays(-$FirstRunDays)
    }
}

# Deleted customers too: their rows are the tombstones.
$get = @{ UpdatedSince = $Since; IncludeDeleted = $true }
if ($Connection) { $get.Connection = $Connection }

Write-Verbose "Exporting the customers updated since $($Since.ToString('o')) to $Path"
$columns = 'Id', 'Name', 'Email', 'Phone', 'ExternalId',
    @{ Name = 'Tags'; Expression = { $_.Tags -join '; ' } },
    @{ Name = 'UpdatedAt'; Expression = { $_.UpdatedAt.ToString('o') } },
    @{ Name = 'OpenConversations'; Expression = { $_.ConversationCounts.Open } },
    'Deleted'
$exported = 0
$last = $null
Get-KustomerCustomer @get -ErrorAction SilentlyContinue -ErrorVariable problems |
    ForEach-Object { $exported++; $last = $_.UpdatedAt; $_ } |
    Select-Object -Property $columns |
    Export-Csv -Path $Path -NoTypeInformation -Encoding utf8
if ($exported -eq 0) {
    # Export-Csv writes no header without rows; an empty export is still a CSV with its columns.
    $header = foreach ($column in $columns) { if ($column -is [hashtable]) { $column.Name } else { $column } }
    '"' + ($header -join '","') + '"' | Set-Content -LiteralPath $Path -Encoding utf8
}

# Passed on from the script itself, once the CSV is written: errors of a command inside a
# pipeline would not reach the caller's -ErrorVariable.
foreach ($problem in $problems) { $PSCmdlet.WriteError($problem) }

# Oldest change first: the last UpdatedAt written is where the next run starts. A first run that
# found nothing bookmarks the start of its window: else the next run would look back -FirstRunDays
# from its own time and skip what changed between the two.
$bookmark = if ($null -ne $last) { $last } elseif (-not (Test-Path -LiteralPath $BookmarkFile)) { $Since }
if ($null -ne $bookmark) {
    Set-Content -LiteralPath $BookmarkFile -Value $bookmark.ToString('o') -Encoding utf8
}

Write-Verbose "$exported customers exported; bookmark $(if ($null -ne $bookmark) { $bookmark.ToString('o') } else { 'unchanged' })"
[pscustomobject]@{ Exported = $exported; Since = $Since; Bookmark = $bookmark }
