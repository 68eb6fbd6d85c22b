<#
.SYNOPSIS
    Lists the VIP customers of a Kustomer org from its custom attributes, biggest accounts first.
.DESCRIPTION
    Asks Kustomer's search for the customers whose custom attribute -VipAttribute is true (by
    default vipBool) or whose tier (-TierAttribute, by default tierStr) is one of -Tier. A search
    costs a request per 500 matching customers, where reading the whole org (-All | Where-Object)
    would cost one per 100 customers of the org. Kustomer's search covers the customers updated
    in the last two years, and the API key needs a role that may search.
.EXAMPLE
    ./Get-KustomerVipReport.ps1 | Format-Table
.EXAMPLE
    ./Get-KustomerVipReport.ps1 -Tier gold, platinum | Export-Csv ./vip.csv -NoTypeInformation
#>
#Requires -Modules CustomerTools
[CmdletBinding()]
param(
    [string] $VipAttribute = 'vipBool',
    [string] $TierAttribute = 'tierStr',
    [string] $SeatsAttribute = 'seatsNum',
    [string[]] $Tier = @('gold'),
    [CustomerTools.Kustomer.KustomerConnection] $Connection
)

# Custom attributes are searched as customer_custom_<name>, their type suffix kept (vipBool, tierStr).
$vipOrTier = @{
    or = @(
        @{ "customer_custom_$VipAttribute" = @{ equals = $true } }
        @{ "customer_custom_$TierAttribute" = @{ in = $Tier } }
    )
}
$get = @{ Query = $vipOrTier }
if ($Connection) { $get.Connection = $Connection }

Get-KustomerCustomer @get |
    Sort-Object -Property @{ Expression = { [double]$_.Custom.$SeatsAttribute }; Descending = $true }, Name |
    Select-Object Id, Name, Email,
        @{ Name = 'Tier'; Expression = { $_.Custom.$TierAttribute } },
        @{ Name = 'Seats'; Expression = { $_.Custom.$SeatsAttribute } },
        @{ Name = 'Vip'; Expression = { [bool]$_.Custom.$VipAttribute } },
        @{ Name = 'OpenConversations'; Expression = { $_.ConversationCounts.Open } }
