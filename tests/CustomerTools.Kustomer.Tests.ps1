#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-KustomerCustomer as a user runs it: the built module against the API simulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $full = $Fixtures.kustomer.fullId
    $sparse = $Fixtures.kustomer.sparseId
    $missing = '64b7f0c2e4a1d3b5c6a7e8aa'
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
}

Describe 'Get-KustomerCustomer -Id' {
    BeforeAll { Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri }
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'maps every property of the full fixture' {
        $c = Get-KustomerCustomer -Id $full
        $c | Should -BeOfType ([CustomerTools.Kustomer.KustomerCustomer])
        $c.Name | Should -Be 'Priya Raman'
        $c.DisplayName | Should -Be 'Priya Raman'
        $c.Email | Should -Be 'priya@northwind.example'
        $c.Emails[0].Type | Should -Be 'work'
        $c.Emails[0].Verified | Should -BeTrue
        $c.Phone | Should -Be '+442071838750'
        $c.Phones[0].Verified | Should -BeFalse
        $c.ExternalId | Should -Be 'acct-20931'
        $c.ExternalIds[0].Verified | Should -BeTrue
        $c.Tags | Should -Be @('5f0c1a2b3c4d5e6f7a8b9c0d')
        $c.Locale | Should -Be 'en_GB'
        $c.TimeZone | Should -Be 'Europe/London'
        $c.Verified | Should -BeTrue
        $c.CreatedAt | Should -Be ([DateTimeOffset]'2023-02-14T10:20:30.456Z')
        $c.UpdatedAt.Millisecond | Should -Be 1
        $c.LastActivityAt | Should -Be ([DateTimeOffset]'2025-05-02T16:45:11.870Z')
        $c.ConversationCounts.All | Should -Be 9
        $c.ConversationCounts.Done | Should -Be 8
        $c.Sentiment.Confidence | Should -Be 0.66
        $c.Custom.tierStr | Should -Be 'gold'
        $c.Custom.seatsNum | Should -Be 40
        $c.Custom.vipBool | Should -BeTrue
        $c.Rev | Should -Be 12
    }

    It 'gives empty collections and nulls for the sparse fixture' {
        $c = Get-KustomerCustomer -Id $sparse
        $c.Name | Should -BeNullOrEmpty
        $c.Phones.Count | Should -Be 0
        $c.Tags.Count | Should -Be 0
        $c.UpdatedAt | Should -BeNullOrEmpty
        $c.Emails[0].Verified | Should -BeTrue
        $c.Verified | Should -BeFalse
    }

    It 'binds ids by value, by property name and by the CustomerId alias' {
        $ids = @(
            $full | Get-KustomerCustomer
            [pscustomobject]@{ Id = $sparse } | Get-KustomerCustomer
            [pscustomobject]@{ CustomerId = $full } | Get-KustomerCustomer
        ).Id
        $ids | Should -Be @($full, $sparse, $full)
    }

    It 'reads ids from a CSV file' {
        $csv = Join-Path $TestDrive 'ids.csv'
        @([pscustomobject]@{ CustomerId = $full }, [pscustomobject]@{ CustomerId = $sparse }) | Export-Csv $csv -NoTypeInformation
        (Import-Csv $csv | Get-KustomerCustomer).Id | Should -Be @($full, $sparse)
    }

    It 'writes one CustomerNotFound error for a 404 in the middle and keeps the order' {
        $errors = $null
        $found = $full, $missing, $sparse | Get-KustomerCustomer -ErrorVariable errors -ErrorAction SilentlyContinue
        $found.Id | Should -Be @($full, $sparse)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'CustomerNotFound,CustomerTools.Commands.GetKustomerCustomerCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be $missing
    }

    It 'never sends a malformed id' {
        $errors = $null
        $found = $full, 'not-an-id', '../etc', $sparse | Get-KustomerCustomer -ErrorVariable errors -ErrorAction SilentlyContinue
        $found.Count | Should -Be 2
        $errors.FullyQualifiedErrorId | Should -Be (@('InvalidCustomerId,CustomerTools.Commands.GetKustomerCustomerCommand') * 2)
        (Get-SimulatorRequest $sim '/v1/customers/*').Count | Should -Be 2
    }

    It 'stops the pipeline on 401 with AuthenticationFailed' {
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret 'wrong') -BaseUri $sim.BaseUri
        try {
            { $full, $sparse | Get-KustomerCustomer } | Should -Throw -ErrorId 'AuthenticationFailed,CustomerTools.Commands.GetKustomerCustomerCommand'
        }
        finally { Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri }
    }

    It 'stops the pipeline on 403 with AccessDenied' {
        $noRole = Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerNoRoleKey) -BaseUri $sim.BaseUri -PassThru
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
        { $full | Get-KustomerCustomer -Connection $noRole } | Should -Throw -ErrorId 'AccessDenied,CustomerTools.Commands.GetKustomerCustomerCommand'
    }

    It 'explains each request on -Verbose and redacts the key on -Debug' {
        $DebugPreference = 'Continue'
        $streams = Get-KustomerCustomer -Id $full -Verbose 4>&1 5>&1 | Where-Object { $_ -isnot [CustomerTools.Kustomer.KustomerCustomer] }
        $text = $streams | ForEach-Object { $_.Message }
        ($text -join "`n") | Should -Match "v1/customers/$full -> 200 OK \(\d+ ms\)"
        ($text -join "`n") | Should -Match 'Authorization: Bearer \[redacted\]'
        ($text -join "`n") | Should -Not -Match $KustomerKey
    }

    It 'shows a table with Id, Name, Email and UpdatedAt by default' {
        $table = Get-KustomerCustomer -Id $full | Format-Table | Out-String
        $table | Should -Match 'Id\s+Name\s+Email\s+UpdatedAt'
        $table | Should -Match 'Priya Raman'
    }

    It 'keeps the key out of every stream, message and $Error' {
        $Error.Clear()
        $all = & {
            $full, $missing, 'bad' | Get-KustomerCustomer -Verbose -Debug -ErrorAction Continue
            Get-KustomerConnection | Format-List * | Out-String
        } *>&1 | Out-String
        ($all + ($Error | Out-String)) | Should -Not -Match $KustomerKey
    }
}
