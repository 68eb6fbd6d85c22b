#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Which connection the session uses after several connects: the last one made, -PassThru or not.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $customer = '64b7f0c2e4a1d3b5c6a7e8f9'
}

AfterAll {
    Disconnect-Kustomer
    Stop-ApiSimulator $sim
}

Describe 'Connect-Kustomer -PassThru' {
    It 'makes the new connection the session''s, replacing the one before' {
        # The first connection's key may not read customers, so only the new one can find one.
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerNoRoleKey) -BaseUri $sim.BaseUri
        $new = Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri -PassThru

        Get-KustomerConnection | Should -Be $new
        (Get-KustomerCustomer -Id $customer).Id | Should -Be $customer
    }
}
