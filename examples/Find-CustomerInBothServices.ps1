<#
.SYNOPSIS
    Finds the same people in Kustomer and Help Scout by email address.
.DESCRIPTION
    For each email, looks the customer up in both services (both must be connected) and writes one
    row saying where it was found, with both ids. Emails come from -Email or from the pipeline (any
    object with an Email or EmailAddress property, such as Import-Csv rows).
.EXAMPLE
    Connect-Kustomer -ApiKey (Get-Secret KustomerApiKey)
    Connect-HelpScout -ClientCredential (Get-Secret HelpScoutApp)
    Import-Csv ./vip-emails.csv | ./Find-CustomerInBothServices.ps1 | Export-Csv ./matched.csv
#>
#Requires -Modules CustomerTools
[CmdletBinding()]
param(
    [Parameter(Mandatory, ValueFromPipeline, ValueFromPipelineByPropertyName)]
    [Alias('EmailAddress')]
    [string[]] $Email
)

process {
    foreach ($address in $Email) {
        # Not found is normal here: keep the errors out of the way, but keep the other failures.
        $kustomer = @(Get-KustomerCustomer -Email $address -ErrorAction SilentlyContinue -ErrorVariable kustomerErrors)
        $helpScout = @(Get-HelpScoutCustomer -Email $address -ErrorAction SilentlyContinue -ErrorVariable helpScoutErrors)
        foreach ($failure in @($kustomerErrors) + @($helpScoutErrors)) {
            if ($failure.FullyQualifiedErrorId -notlike 'CustomerNotFound,*') { Write-Error -ErrorRecord $failure }
        }

        [pscustomobject]@{
            Email       = $address
            FoundIn     = @(if ($kustomer) { 'Kustomer' }; if ($helpScout) { 'Help Scout' }) -join ' and '
            KustomerId  = $kustomer.Id -join '; '
            HelpScoutId = $helpScout.Id -join '; '
            Name        = @($kustomer.Name) + @($helpScout.Name) | Where-Object { $_ } | Select-Object -First 1
        }
    }
}
