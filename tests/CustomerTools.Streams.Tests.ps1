#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# -Debug alone, as the about_ topic recommends for a search: the debug lines come and nothing asks
# "Continue with this operation?" (which fails an unattended job: this shell is -NonInteractive).

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
}

AfterAll {
    Disconnect-Kustomer
    Disconnect-HelpScout
    Stop-ApiSimulator $sim
}

Describe '-Debug without -Verbose' {
    It '<Name> shows its debug lines and does not ask' -ForEach @(
        @{ Name = 'Connect-Kustomer'; Run = { Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri -Debug } }
        @{ Name = 'a Kustomer search'; Run = {
                Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
                Get-KustomerCustomer -UpdatedSince '2000-01-01' -First 1 -PageSize 1000 -Debug } }
        @{ Name = 'Connect-HelpScout'; Run = { Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri -Debug } }
        @{ Name = 'Disconnect-Kustomer'; Run = { Disconnect-Kustomer -Debug } }
    ) {
        $streams = & $Run 5>&1 4>&1 2>&1

        $streams | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
        $streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Should -BeNullOrEmpty
        if ($Name -notlike '*connect-Kustomer') {
            $streams | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | Should -Not -BeNullOrEmpty
        }
    }
}
