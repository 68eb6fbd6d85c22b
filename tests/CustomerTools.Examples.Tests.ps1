#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The admin scripts in examples/ run for real against the API simulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $examples = Join-Path $RepoRoot 'examples'
    $now = [DateTimeOffset]::UtcNow

    function New-KustomerResource([string] $Id, [string] $Name, [string] $Email, [DateTimeOffset] $UpdatedAt, [hashtable] $Custom = @{}) {
        @{ type = 'customer'; id = $Id; attributes = @{ name = $Name; emails = @(@{ email = $Email }); updatedAt = $UpdatedAt.ToString('yyyy-MM-ddTHH:mm:ss.fffZ'); custom = $Custom } }
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
        Add-SimulatorCustomer $sim Kustomer (New-KustomerResource 'cc00000000000000000000a1' 'Changed Today' 'today@example.test' $now)
        Add-SimulatorCustomer $sim Kustomer (New-KustomerResource 'cc00000000000000000000a2' 'Changed An Hour Ago' 'hour@example.test' $now.AddHours(-1))
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
    }

    It 'writes only the customers changed this week, with readable columns' {
        $csv = Join-Path $TestDrive 'changed.csv'
        & "$examples/Export-ChangedKustomerCustomers.ps1" -Path $csv -Since $now.AddDays(-2).UtcDateTime
        $rows = Import-Csv $csv
        $rows.Id | Sort-Object | Should -Be @('cc00000000000000000000a1', 'cc00000000000000000000a2')
        $rows[0].Email | Should -Match '@example.test$'
        [DateTimeOffset]::Parse($rows[0].UpdatedAt) | Should -BeGreaterThan $now.AddDays(-2)
    }

    It 'defaults to the start of this week' {
        $csv = Join-Path $TestDrive 'week.csv'
        & "$examples/Export-ChangedKustomerCustomers.ps1" -Path $csv
        @(Import-Csv $csv).Count | Should -BeGreaterOrEqual 1
        (Import-Csv $csv).Id | Should -Contain 'cc00000000000000000000a1'
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
        $rows.FoundIn | Should -Be @('Kustomer and Help Scout', 'Kustomer', '')
        $rows[0].KustomerId | Should -Be 'cc00000000000000000000b1'
        $rows[0].HelpScoutId | Should -Be '4150271'
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
        $report.Count | Should -Be $expected.Count
        $report[0].Id | Should -Be ($expected | Sort-Object { [double]$_.Custom.seatsNum } -Descending | Select-Object -First 1).Id
        $seats = [double[]]$report.Seats
        for ($i = 1; $i -lt $seats.Count; $i++) { $seats[$i] | Should -BeLessOrEqual $seats[$i - 1] }
        $report | Where-Object Tier -NE 'gold' | ForEach-Object { $_.Vip | Should -BeTrue }
    }
}

Describe 'Invoke-NightlyCustomerSync.ps1' {
    BeforeAll { $savedModulePath = $env:PSModulePath }
    AfterEach { $env:PSModulePath = $savedModulePath }

    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Invoke-Simulator $sim '_sim/kustomer/generate?count=60'
        $ids = Join-Path $TestDrive 'ids.txt'
        $out = Join-Path $TestDrive 'out.csv'
        $log = Join-Path $TestDrive 'sync.log'
        Remove-Item $out, $log -ErrorAction Ignore
        $generated = 0..59 | ForEach-Object { 'aa00' + $_.ToString('x20') }
        $script:job = {
            param([string[]] $Lines)
            Set-Content -Path $ids -Value $Lines
            $env:KUSTOMER_API_KEY = $KustomerKey
            $env:PSModulePath = (Split-Path $ModulePath) + [IO.Path]::PathSeparator + $env:PSModulePath
            try { & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File "$examples/Invoke-NightlyCustomerSync.ps1" -IdFile $ids -OutFile $out -LogFile $log -BaseUri $sim.BaseUri -MaxRetries 3 }
            finally { Remove-Item env:KUSTOMER_API_KEY }
            $LASTEXITCODE
        }
    }

    It 'waits out a tight quota and throttling, loses nothing and exits 0' {
        Invoke-Simulator $sim '_sim/kustomer/quota?limit=20&windowMs=1000'
        Invoke-Simulator $sim '_sim/script' -Body @{ pathContains = $generated[7]; status = 429; headers = @{ 'Retry-After' = '1' }; times = 2 }
        $exit = & $job $generated
        $exit | Should -Be 0
        (Import-Csv $out).Id | Should -Be $generated
        Get-Content $log -Raw | Should -Match 'Done: 60 written, 0 failed'
    }

    It 'logs each input that still fails, writes the rest, and exits 1' {
        Invoke-Simulator $sim '_sim/script' -Body @{ pathContains = $generated[3]; status = 503; times = $null }
        $exit = & $job ($generated[0..9] + 'not-an-id' + 'ffffffffffffffffffffffff')
        $exit | Should -Be 1
        (Import-Csv $out).Count | Should -Be 9
        $failed = Get-Content $log | Where-Object { $_ -match ' FAILED ' }
        $failed | Should -HaveCount 3
        $failed -join "`n" | Should -Match "FAILED $($generated[3]) ServiceError"
        $failed -join "`n" | Should -Match 'FAILED not-an-id InvalidCustomerId'
        $failed -join "`n" | Should -Match 'FAILED ffffffffffffffffffffffff CustomerNotFound'
        Get-Content $log -Raw | Should -Not -Match $KustomerKey
    }

    It 'stops with exit code 2 when the key is refused' {
        $env:KUSTOMER_API_KEY = 'wrong'
        Set-Content -Path $ids -Value $generated[0..2]
        $env:PSModulePath = (Split-Path $ModulePath) + [IO.Path]::PathSeparator + $env:PSModulePath
        & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File "$examples/Invoke-NightlyCustomerSync.ps1" -IdFile $ids -OutFile $out -LogFile $log -BaseUri $sim.BaseUri
        $LASTEXITCODE | Should -Be 2
        Remove-Item env:KUSTOMER_API_KEY
        Get-Content $log -Raw | Should -Match 'FATAL AuthenticationFailed'
    }
}
