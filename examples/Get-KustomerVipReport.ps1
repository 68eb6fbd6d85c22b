<#
.SYNOPSIS
    Lists the VIP customers of a Kustomer org from its custom attributes, biggest accounts first.
.DESCRIPTION
    Reads every customer once and keeps those whose custom attribute -VipAttribute is true (by
    default vipBool) or whose tier (-TierAttribute, by default tierStr) is one of -Tier.
.EXAMPLE
    ./Get-KustomerVipReport.ps1 | Format-Table
.EXAMPLE
    ./Get-KustomerVipReport.ps1 -Tier gold, platinum | Export-Csv ./vip.csv -NoTypeInformation
#>
[CmdletBinding()]
param(
    [string] $VipAttribute = 'vipBool',
    [string] $TierAttribute = 'tierStr',
    [string] $SeatsAttribute = 'seatsNum',
    [string[]] $Tier = @('gold'),
    [CustomerTools.Kustomer.KustomerConnection] $Connection
)

$get = @{ All = $true }
if ($Connection) { $get.Connection = $Connection }

Get-KustomerCustomer @get |
    Where-Object { $_.Custom.$VipAttribute -eq $true -or $_.Custom.$TierAttribute -in $Tier } |
    Sort-Object -Property @{ Expression = { [double]$_.Custom.$SeatsAttribute }; Descending = $true }, Name |
    Select-Object Id, Name, Email,
        @{ Name = 'Tier'; Expression = { $_.Custom.$TierAttribute } },
        @{ Name = 'Seats'; Expression = { $_.Custom.$SeatsAttribute } },
        @{ Name = 'Vip'; Expression = { [bool]$_.Custom.$VipAttribute } },
        @{ Name = 'OpenConversations'; Expression = { $_.ConversationCounts.Open } }
