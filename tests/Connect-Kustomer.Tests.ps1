#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Connect-Kustomer as a user runs it, and the session's Kustomer connection it sets, which
# Get-KustomerConnection returns and Disconnect-Kustomer drops: the built module against the API
# simulator.

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
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Disconnect-Kustomer
    }

    It 'sends no request, says so on -Verbose, and writes nothing without -PassThru' {
        $all = @(Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri -Verbose 4>&1)
        @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Should -BeNullOrEmpty
        @($all | Where-Object { $_.Message -like '*sends no request*' }) | Should -Not -BeNullOrEmpty
        Get-SimulatorRequest $sim | Should -BeNullOrEmpty
    }

    It '-PassThru returns the session''s connection with what was asked for, without the key' {
        $connection = Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri -TimeoutSec 7 -MaxRetries 2 -PassThru
        $connection.BaseUri | Should -Be ([uri]$sim.BaseUri)
        $connection.Region | Should -Be 'Custom'
        $connection.TimeoutSec | Should -Be 7
        $connection.MaxRetries | Should -Be 2
        $connection.IsConnected | Should -BeTrue
        $connection.ConnectedAt | Should -BeGreaterThan ([DateTimeOffset]::Now.AddMinutes(-1))
        $connection.ConnectedAt | Should -BeLessOrEqual ([DateTimeOffset]::Now)
        Get-SimulatorRequest $sim | Should -BeNullOrEmpty
        ($connection | Format-List * | Out-String) + $connection.ToString() | Should -Not -Match $KustomerKey
        [object]::ReferenceEquals((Get-KustomerConnection), $connection) | Should -BeTrue
    }

    It 'uses KUSTOMER_API_KEY when no -ApiKey is given' {
        $env:KUSTOMER_API_KEY = $KustomerKey
        try {
            Connect-Kustomer -BaseUri $sim.BaseUri
            (Get-KustomerCustomer -Id $full).Id | Should -Be $full
        }
        finally { Remove-Item env:KUSTOMER_API_KEY }
    }

    It 'says how to give a key when there is none' {
        { Connect-Kustomer -BaseUri $sim.BaseUri } | Should -Throw -ErrorId 'MissingCredential,CustomerTools.Commands.ConnectKustomerCommand' -ExpectedMessage '*KUSTOMER_API_KEY*'
    }

    It 'picks <Root> (<Region>) for <Given>' -TestCases @(
        @{ Given = 'neither -Region nor -BaseUri'; Parameters = @{}; Root = 'https://api.kustomerapp.com/'; Region = 'US' }
        @{ Given = '-Region US'; Parameters = @{ Region = 'US' }; Root = 'https://api.kustomerapp.com/'; Region = 'US' }
        @{ Given = '-Region eu'; Parameters = @{ Region = 'eu' }; Root = 'https://api.prod2.kustomerapp.com/'; Region = 'EU' }
        @{ Given = '-Region IN'; Parameters = @{ Region = 'IN' }; Root = 'https://api.prod4.kustomerapp.com/'; Region = 'IN' }
        @{ Given = 'an org host'; Parameters = @{ BaseUri = 'https://acme.api.kustomerapp.com' }; Root = 'https://acme.api.kustomerapp.com/'; Region = 'Custom' }
        @{ Given = 'the EU host as -BaseUri'; Parameters = @{ BaseUri = 'https://api.prod2.kustomerapp.com' }; Root = 'https://api.prod2.kustomerapp.com/'; Region = 'EU' }
    ) {
        $connection = Connect-Kustomer -ApiKey (ConvertTo-TestSecret 'x') @Parameters -PassThru
        $connection.BaseUri | Should -Be ([uri]$Root)
        $connection.Region | Should -BeExactly $Region
    }

    It 'refuses -BaseUri <BaseUri> and keeps no connection' -TestCases @(
        @{ BaseUri = 'http://api.kustomerapp.com' }
        @{ BaseUri = 'ftp://127.0.0.1' }
        @{ BaseUri = 'https://user:pass@api.kustomerapp.com' }
    ) {
        $failure = { Connect-Kustomer -ApiKey (ConvertTo-TestSecret 'x') -BaseUri $BaseUri } |
            Should -Throw -ErrorId 'InvalidBaseUri,CustomerTools.Commands.ConnectKustomerCommand' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message.Replace('password', '') | Should -Not -BeLike '*pass*'
        Get-KustomerConnection | Should -BeNullOrEmpty
    }

    It 'allows plain http to this machine (<BaseUri>)' -TestCases @(
        @{ BaseUri = 'http://127.0.0.1:8080' }
        @{ BaseUri = 'http://localhost:8080' }
        @{ BaseUri = 'http://[::1]:8080' }
    ) {
        (Connect-Kustomer -ApiKey (ConvertTo-TestSecret 'x') -BaseUri $BaseUri -PassThru).IsConnected | Should -BeTrue
    }

    It 'makes the new connection the session''s, replacing the one before' {
        # The first connection's key may not read customers, so only the new one can find one.
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerNoRoleKey) -BaseUri $sim.BaseUri
        $new = Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri -PassThru

        Get-KustomerConnection | Should -Be $new
        (Get-KustomerCustomer -Id $full).Id | Should -Be $full
    }

    It 'gives -Connection precedence over the session''s connection' {
        $good = Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri -PassThru
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret 'wrong-key') -BaseUri $sim.BaseUri

        (Get-KustomerCustomer -Id $full -Connection $good).Id | Should -Be $full
    }
}

Describe 'Get-KustomerConnection and Disconnect-Kustomer' {
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Disconnect-Kustomer
    }

    It 'gives NotConnected, naming Connect-Kustomer, before any request when there is no connection' {
        Get-KustomerConnection | Should -BeNullOrEmpty
        $failure = { Get-KustomerCustomer -Id $full } | Should -Throw -ErrorId 'NotConnected,CustomerTools.Commands.GetKustomerCustomerCommand' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
        $failure.Exception.Message | Should -BeLike '*Connect-Kustomer*'
        Get-SimulatorRequest $sim | Should -BeNullOrEmpty
    }

    It 'forgets the session''s connection and closes it' {
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
        $connection = Get-KustomerConnection

        Disconnect-Kustomer | Should -BeNullOrEmpty

        Get-KustomerConnection | Should -BeNullOrEmpty
        $connection.IsConnected | Should -BeFalse
        { Get-KustomerCustomer -Id $full -Connection $connection } | Should -Throw -ErrorId 'NotConnected,*'
        Get-SimulatorRequest $sim | Should -BeNullOrEmpty
    }

    It 'keeps a connection to its session: another runspace has none' {
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
        $other = [powershell]::Create()
        try {
            $seen = $other.AddScript({ param($ModulePath) Import-Module $ModulePath; @(Get-KustomerConnection).Count }.ToString()).AddArgument($ModulePath).Invoke()
        }
        finally { $other.Dispose() }
        $seen | Should -Be 0
        Get-KustomerConnection | Should -Not -BeNullOrEmpty
    }
}
