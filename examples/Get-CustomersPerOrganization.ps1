<#
.SYNOPSIS
    Reports how many customers each Help Scout organization or Kustomer company has.
.DESCRIPTION
    Reads the customers (all of them, or those changed since -Since), pipes them to
    Get-HelpScoutOrganization or Get-KustomerCompany, which request each organization or company
    once however many customers share it, and writes one row per organization or company: its
    Id, Name and number of customers, largest first. Customers without one are counted in a last
    row with no Id.
    Writes objects: Service, Id, Name, Customers.
.EXAMPLE
    Connect-HelpScout -ClientId $appId -ClientSecret (Get-Secret HelpScoutSecret)
    ./Get-CustomersPerOrganization.ps1 -Service HelpScout | Export-Csv ./per-organization.csv -NoTypeInformation
.EXAMPLE
    ./Get-CustomersPerOrganization.ps1 -Service Kustomer -Since (Get-Date).AddDays(-30)
#>
#Requires -Modules CustomerTools
[CmdletBinding()]
param(
    # Which service's customers to report on.
    [Parameter(Mandatory)]
    [ValidateSet('HelpScout', 'Kustomer')]
    [string] $Service,

    # Only customers changed since this time; by default every customer.
    [DateTimeOffset] $Since
)

$customers = if ($Service -eq 'HelpScout') {
    if ($PSBoundParameters.ContainsKey('Since')) { Get-HelpScoutCustomer -ModifiedSince $Since.UtcDateTime } else { Get-HelpScoutCustomer -All }
}
elseif ($PSBoundParameters.ContainsKey('Since')) {
    Get-KustomerCustomer -UpdatedSince $Since
}
else {
    Get-KustomerCustomer -All
}

$link = if ($Service -eq 'HelpScout') { 'OrganizationId' } else { 'CompanyId' }
$counts = @{}
$without = 0
foreach ($customer in $customers) {
    $id = $customer.$link
    if ($null -eq $id) { $without++ } else { $counts[[string]$id] = 1 + [int]$counts[[string]$id] }
}

# Each organization or company once, however many customers share it.
$named = if ($Service -eq 'HelpScout') { $customers | Get-HelpScoutOrganization } else { $customers | Get-KustomerCompany }
$rows = foreach ($owner in $named) {
    [pscustomobject]@{ Service = $Service; Id = $owner.Id; Name = $owner.Name; Customers = $counts[[string]$owner.Id] }
}
$rows | Sort-Object -Property @{ Expression = 'Customers'; Descending = $true }, Name
if ($without -gt 0) {
    [pscustomobject]@{ Service = $Service; Id = $null; Name = '(none)'; Customers = $without }
}
