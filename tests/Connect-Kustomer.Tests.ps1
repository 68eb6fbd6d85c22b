#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Connect-Kustomer as a user runs it, and the session's Kustomer connection it sets (what
# Get-KustomerConnection returns): the built module against the API simulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $full = $Fixtures.kustomer.fullId
}

AfterAll {
    Disconnect-Kustomer
    Stop-ApiSimulator $sim
}

Describe 'Connect-Kustomer' {
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'sends no request, and -PassThru returns a connection without the key' {
        $connection = Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri -PassThru
        $connection.BaseUri | Should -Be ([uri]$sim.BaseUri)
        $connection.Region | Should -Be 'Custom'
        Get-SimulatorRequest $sim | Should -BeNullOrEmpty
        ($connection | Format-List * | Out-String) + $connection.ToString() | Should -Not -Match $KustomerKey
        (Get-KustomerConnection) | Should -Be $connection
    }

    It 'uses KUSTOMER_API_KEY when no -ApiKey is given' {
        $env:KUSTOMER_API_KEY = $KustomerKey
        try {
            Connect-Kustomer -BaseUri $sim.BaseUri
            (Get-KustomerCustomer -Id $full).Id | Should -Be $full
        }
        finally { Remove-Item env:KUSTOMER_API_KEY }
    }

    It 'picks the regional host <Root> for -Region <Region>' -TestCases @(
        @{ Region = 'US'; Root = 'https://api.kustomerapp.com/' }
        @{ Region = 'EU'; Root = 'https://api.prod2.kustomerapp.com/' }
        @{ Region = 'IN'; Root = 'https://api.prod4.kustomerapp.com/' }
    ) {
        (Connect-Kustomer -ApiKey (ConvertTo-TestSecret 'x') -Region $Region -PassThru).BaseUri | Should -Be ([uri]$Root)
    }

    It 'refuses plain http to another machine' {
        { Connect-Kustomer -ApiKey (ConvertTo-TestSecret 'x') -BaseUri 'http://api.kustomerapp.com' } |
            Should -Throw -ErrorId 'InvalidBaseUri,CustomerTools.Commands.ConnectKustomerCommand'
    }

    It 'makes the new connection the session''s, replacing the one before' {
        # The first connection's key may not read customers, so only the new one can find one.
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerNoRoleKey) -BaseUri $sim.BaseUri
        $new = Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri -PassThru

        Get-KustomerConnection | Should -Be $new
        (Get-KustomerCustomer -Id $full).Id | Should -Be $full
    }
}
