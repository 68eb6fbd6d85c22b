#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The admin scripts in examples/ run for real against the API simulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $examples = Join-Path $RepoRoot 'examples'
    $now = [DateTimeOffset]::UtcNow

    function New-KustomerResource([string] $Id, [string] $Name, [string] $Email, [DateTimeOffset] $UpdatedAt, [hashtable] $Custom = @{}, [string[]] $Tags = @()) {
        @{ type = 'customer'; id = $Id; attributes = @{ name = $Name; emails = @(@{ email = $Email }); updatedAt = $UpdatedAt.ToString('yyyy-MM-ddTHH:mm:ss.fffZ'); custom = $Custom; tags = $Tags } }
    }
}

AfterAll {
    Disconnect-Kustomer
    Disconnect-HelpScout
    Stop-ApiSimulator $sim
}

Describe 'Export-ChangedKustomerCustomers.ps1' {
    BeforeAll {
        Invoke-Simulator $sim '_sim/reset'
        Invoke-Simulator $sim '_sim/kustomer/generate?count=150'
        Add-SimulatorCustomer $sim Kustomer (New-KustomerResource 'cc00000000000000000000a1' 'Changed Today' 'today@example.test' $now -Tags gold, renewal)
        Add-SimulatorCustomer $sim Kustomer (New-KustomerResource 'cc00000000000000000000a2' 'Changed An Hour Ago' 'hour@example.test' $now.AddHours(-1))
        Add-SimulatorCustomer $sim Kustomer (New-KustomerResource 'cc00000000000000000000a3' 'Changed Last Week' 'week@example.test' $now.AddDays(-8))
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
        $csv = Join-Path $TestDrive 'changed.csv'
        $bookmark = Join-Path $TestDrive 'kustomer.bookmark'
    }

    It 'first run: the changes of its window, oldest first, with readable columns, from a search' {
        Invoke-Simulator $sim '_sim/requests/clear'
        $summary = & "$examples/Export-ChangedKustomerCustomers.ps1" -Path $csv -BookmarkFile $bookmark -FirstRunDays 2
        $rows = Import-Csv $csv
        $rows.Id | Should -Be @('cc00000000000000000000a2', 'cc00000000000000000000a1')
        Get-Content $csv -TotalCount 1 | Should -BeExactly '"Id","Name","Email","Phone","ExternalId","Tags","UpdatedAt","OpenConversations","Deleted"'
        $rows[1].Name | Should -Be 'Changed Today'
        $rows[1].Email | Should -Be 'today@example.test'
        $rows[1].Tags | Should -BeExactly 'gold; renewal'
        [DateTimeOffset]::Parse($rows[1].UpdatedAt).ToUnixTimeMilliseconds() | Should -Be $now.ToUnixTimeMilliseconds()
        $summary.Exported | Should -Be 2
        (Get-SimulatorRequest $sim).rawPath | Sort-Object -Unique | Should -Be '/v1/customers/search'
    }

    It 'keeps the last UpdatedAt written as the bookmark, and the next run starts there' {
        ([DateTimeOffset](Get-Content $bookmark)).ToUnixTimeMilliseconds() | Should -Be $now.ToUnixTimeMilliseconds()
        Add-SimulatorCustomer $sim Kustomer (New-KustomerResource 'cc00000000000000000000a4' 'Changed Later' 'later@example.test' $now.AddMinutes(1))
        & "$examples/Export-ChangedKustomerCustomers.ps1" -Path $csv -BookmarkFile $bookmark | Out-Null
        (Import-Csv $csv).Id | Should -Be @('cc00000000000000000000a1', 'cc00000000000000000000a4')
        ([DateTimeOffset](Get-Content $bookmark)).ToUnixTimeMilliseconds() | Should -Be $now.AddMinutes(1).ToUnixTimeMilliseconds()
    }

    It '-Since overrides the bookmark, which stays when nothing changed' {
        $before = Get-Content $bookmark
        $summary = & "$examples/Export-ChangedKustomerCustomers.ps1" -Path $csv -BookmarkFile $bookmark -Since $now.AddDays(1)
        $summary.Exported | Should -Be 0
        Get-Content $bookmark | Should -Be $before
    }
}

Describe 'Export-ChangedKustomerCustomers.ps1, a first run that finds nothing' {
    BeforeAll { Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri }

    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Invoke-Simulator $sim '_sim/kustomer/clear'
        $csv = Join-Path $TestDrive 'changed.csv'
        $bookmark = Join-Path $TestDrive 'kustomer.bookmark'
        Remove-Item $csv, $bookmark -ErrorAction Ignore
    }

    It 'writes a CSV with its header row and no customers' {
        $summary = & "$examples/Export-ChangedKustomerCustomers.ps1" -Path $csv -BookmarkFile $bookmark
        $summary.Exported | Should -Be 0
        Get-Content $csv | Should -Be '"Id","Name","Email","Phone","ExternalId","Tags","UpdatedAt","OpenConversations","Deleted"'
    }

    It 'bookmarks the window it searched, so the next run still finds what changed in it' {
        $summary = & "$examples/Export-ChangedKustomerCustomers.ps1" -Path $csv -BookmarkFile $bookmark -FirstRunDays 3
        [DateTimeOffset](Get-Content $bookmark) | Should -Be $summary.Since
        # A change inside the first run's window that a fresh first run of one day would not reach.
        Add-SimulatorCustomer $sim Kustomer (New-KustomerResource 'cc00000000000000000000a5' 'Changed Two Days Ago' 'two@example.test' $now.AddDays(-2))
        & "$examples/Export-ChangedKustomerCustomers.ps1" -Path $csv -BookmarkFile $bookmark -FirstRunDays 1 | Out-Null
        (Import-Csv $csv).Id | Should -Be 'cc00000000000000000000a5'
    }
}

Describe 'Find-CustomerInBothServices.ps1' {
    BeforeAll {
        Invoke-Simulator $sim '_sim/reset'
        Add-SimulatorCustomer $sim Kustomer (New-KustomerResource 'cc00000000000000000000b1' 'Lena Okonkwo' 'lena@tidewater.example' $now)
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
        Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri
    }

    It 'says for each email where it was found, with both ids' {
        $all = [pscustomobject]@{ EmailAddress = 'lena@tidewater.example' },
            [pscustomobject]@{ EmailAddress = 'priya@northwind.example' },
            [pscustomobject]@{ EmailAddress = 'nobody@nowhere.example' } |
            & "$examples/Find-CustomerInBothServices.ps1" 2>&1
        $all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty -Because 'not found is expected here'
        $rows = $all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] }
        ($rows | ConvertTo-Csv -NoTypeInformation)[0] | Should -BeExactly '"Email","FoundIn","KustomerId","HelpScoutId","Name"'
        $rows.Email | Should -Be @('lena@tidewater.example', 'priya@northwind.example', 'nobody@nowhere.example')
        $rows.FoundIn | Should -Be @('Kustomer and Help Scout', 'Kustomer', '')
        $rows.KustomerId | Should -Be @('cc00000000000000000000b1', $Fixtures.kustomer.fullId, '')
        $rows.HelpScoutId | Should -Be @([string]$Fixtures.helpScout.fullId, '', '')
        $rows[0].KustomerId | Should -Be 'cc00000000000000000000b1'
        $rows[0].HelpScoutId | Should -Be ([string]$Fixtures.helpScout.fullId)
        $rows[1].Name | Should -Be 'Priya Raman'
    }
}

Describe 'Get-KustomerVipReport.ps1' {
    BeforeAll {
        Invoke-Simulator $sim '_sim/reset'
        Invoke-Simulator $sim '_sim/kustomer/generate?count=40'
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
    }

    It 'keeps the VIP and gold customers, most seats first' {
        $report = & "$examples/Get-KustomerVipReport.ps1"
        $expected = Get-KustomerCustomer -All | Where-Object { $_.Custom.vipBool -or $_.Custom.tierStr -eq 'gold' }
        ($report | ConvertTo-Csv -NoTypeInformation)[0] | Should -BeExactly '"Id","Name","Email","Tier","Seats","Vip","OpenConversations"'
        $report.Count | Should -Be $expected.Count
        $report[0].Id | Should -Be ($expected | Sort-Object { [double]$_.Custom.seatsNum } -Descending | Select-Object -First 1).Id
        $seats = [double[]]$report.Seats
        for ($i = 1; $i -lt $seats.Count; $i++) { $seats[$i] | Should -BeLessOrEqual $seats[$i - 1] }
        $report | Where-Object Tier -NE 'gold' | ForEach-Object { $_.Vip | Should -BeTrue }
    }

    It 'asks the search for them instead of reading the whole org' {
        Invoke-Simulator $sim '_sim/requests/clear'
        & "$examples/Get-KustomerVipReport.ps1" | Out-Null
        (Get-SimulatorRequest $sim).rawPath | Sort-Object -Unique | Should -Be '/v1/customers/search'
    }
}

Describe 'Invoke-NightlyCustomerSync.ps1' {
    BeforeAll { $savedModulePath = $env:PSModulePath }
    AfterEach { $env:PSModulePath = $savedModulePath }

    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Invoke-Simulator $sim '_sim/kustomer/clear'
        $out = Join-Path $TestDrive 'out.csv'
        $log = Join-Path $TestDrive 'sync.log'
        $bookmark = Join-Path $TestDrive 'kustomer.bookmark'
        Remove-Item $out, $log, $bookmark -ErrorAction Ignore
        # The job as a scheduler starts it: a new process, the key in the environment (none when
        # -Key is empty), the module found on the module path (unless -NoModule).
        $script:job = {
            param([string] $Key = $KustomerKey, [string[]] $More = @(), [switch] $NoModule)
            $env:KUSTOMER_API_KEY = $Key
            if (-not $NoModule) { $env:PSModulePath = (Split-Path $ModulePath) + [IO.Path]::PathSeparator + $env:PSModulePath }
            $shell = Join-Path $PSHOME $(if ($PSEdition -eq 'Desktop') { 'powershell.exe' } else { 'pwsh' })
            try { & $shell -NoProfile -NonInteractive -File "$examples/Invoke-NightlyCustomerSync.ps1" -OutFile $out -BookmarkFile $bookmark -LogFile $log -BaseUri $sim.BaseUri @More }
            finally { Remove-Item env:KUSTOMER_API_KEY -ErrorAction Ignore }
            $LASTEXITCODE
        }
    }

    It 'waits out a tight quota and throttling, loses nothing, moves the bookmark and exits 0' {
        # 1,200 changes a minute apart from 34 hours ago: the 600 of the last day are the first run's.
        $origin = [DateTimeOffset]::new($now.UtcDateTime.AddHours(-34).AddTicks(-($now.UtcTicks % [TimeSpan]::TicksPerSecond)).AddSeconds(30))
        Invoke-Simulator $sim ('_sim/kustomer/timeline?count=1200&stepMs=60000&origin={0}' -f [uri]::EscapeDataString($origin.ToString('o')))
        $changed = (Invoke-Simulator $sim -Method GET -Path ('_sim/kustomer/changed-since?since={0}' -f [uri]::EscapeDataString($now.AddDays(-1).ToString('o')))).ids
        Invoke-Simulator $sim '_sim/kustomer/quota?limit=2&windowMs=1000'
        Invoke-Simulator $sim '_sim/script' -Body @{ pathContains = '/v1/customers/search'; status = 429; headers = @{ 'Retry-After' = '1' }; times = 2 }
        & $job -More '-FirstRunDays', '1', '-MaxRetries', '3' | Should -Be 0
        $changed.Count | Should -Be 600
        Get-Content $out -TotalCount 1 | Should -BeExactly '"Id","Name","Email","Phone","ExternalId","Tags","UpdatedAt","OpenConversations","Deleted"'
        (Import-Csv $out).Id | Should -Be $changed
        Get-Content $log -Raw | Should -Match 'Done: 600 written, 0 failed, bookmark '
        [DateTimeOffset](Get-Content $bookmark) | Should -Be ([DateTimeOffset]::Parse((Import-Csv $out)[-1].UpdatedAt))
    }

    It 'logs a search that still fails, keeps the bookmark and exits 1' {
        Set-Content $bookmark '2025-05-01T00:00:00.0000000+00:00'
        Invoke-Simulator $sim '_sim/script' -Body @{ pathContains = '/v1/customers/search'; status = 503; times = $null }
        & $job -More '-MaxRetries', '1' | Should -Be 1
        $failed = Get-Content $log | Where-Object { $_ -match ' FAILED ' }
        $failed | Should -HaveCount 1
        $failed | Should -Match 'ServiceError: Kustomer failed to answer for the customer search'
        Get-Content $bookmark | Should -Be '2025-05-01T00:00:00.0000000+00:00'
        Get-Content $log -Raw | Should -Not -Match $KustomerKey
    }

    It 'stops with exit code 2 when the key is refused' {
        & $job -Key 'wrong' | Should -Be 2
        Get-Content $log -Raw | Should -Match 'FATAL AuthenticationFailed'
        Test-Path $bookmark | Should -BeFalse
    }

    It 'stops with exit code 2 and logs why when KUSTOMER_API_KEY is missing' {
        & $job -Key '' | Should -Be 2
        Get-Content $log -Raw | Should -Match 'FATAL MissingCredential: .*KUSTOMER_API_KEY'
        Test-Path $bookmark | Should -BeFalse
    }

    It 'stops with exit code 2 and logs why when the module is not on the module path' {
        & $job -NoModule | Should -Be 2
        Get-Content $log -Raw | Should -Match 'FATAL CommandNotFoundException: .*Connect-Kustomer'
        Test-Path $bookmark | Should -BeFalse
    }
}

Describe 'Export-ChangedKustomerCustomers.ps1 tombstones' {
    BeforeAll {
        Invoke-Simulator $sim '_sim/reset'
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
        $gone = New-KustomerResource 'cc00000000000000000000b1' 'Gone' 'gone@example.test' $now.AddMinutes(-5)
        $gone.attributes.deleted = $true
        Add-SimulatorCustomer $sim Kustomer $gone
        Add-SimulatorCustomer $sim Kustomer (New-KustomerResource 'cc00000000000000000000b2' 'Still Here' 'here@example.test' $now)
    }

    It 'writes a deleted customer as a row with Deleted True, beside the changed ones' {
        $csv = Join-Path $TestDrive 'tombstones.csv'
        & "$examples/Export-ChangedKustomerCustomers.ps1" -Path $csv -BookmarkFile (Join-Path $TestDrive 't.bookmark') -FirstRunDays 1 | Out-Null
        $rows = Import-Csv $csv

        $rows.Id | Should -Be @('cc00000000000000000000b1', 'cc00000000000000000000b2')
        $rows.Deleted | Should -Be @('True', 'False')
    }
}

Describe 'Get-CustomersPerOrganization.ps1' {
    It 'counts Help Scout customers per organization, each organization requested once' {
        Invoke-Simulator $sim '_sim/reset'
        Invoke-Simulator $sim '_sim/helpscout/generate-organizations?count=3'
        Invoke-Simulator $sim '_sim/helpscout/generate?count=30'
        Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri

        $rows = @(& "$examples/Get-CustomersPerOrganization.ps1" -Service HelpScout)

        $rows.Customers | Should -Be @(10, 10, 10, 1, 3)
        $rows[-2].Name | Should -Be 'Tidewater Labs'
        $rows[-1].Name | Should -Be '(none)'
        @(Get-SimulatorRequest $sim '/v2/organizations/*').Count | Should -Be 4
    }

    It 'counts Kustomer customers per company' {
        Invoke-Simulator $sim '_sim/reset'
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
        foreach ($n in 1..3) {
            $customer = New-KustomerResource ('cc0000000000000000000c0{0}' -f $n) "Member $n" "m$n@example.test" $now
            $customer.relationships = @{ company = @{ data = @{ type = 'company'; id = $Fixtures.kustomer.companyId } } }
            Add-SimulatorCustomer $sim Kustomer $customer
        }

        $rows = @(& "$examples/Get-CustomersPerOrganization.ps1" -Service Kustomer)

        $rows[0].Name | Should -Be 'Northwind Traders'
        $rows[0].Customers | Should -Be 3
        $rows[-1].Customers | Should -Be 2
    }
}
