#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Retries, time-outs, concurrency, pacing and Ctrl+C, as a user at a real pwsh meets them: the
# built module against the API simulator, waits kept to a second or so. (The waits a fake clock
# pins, and every kind of broken answer in both services: CustomerTools.Tests/ResilienceTests.cs.)

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $full = $Fixtures.kustomer.fullId
    $sparse = $Fixtures.kustomer.sparseId
    $missing = '64b7f0c2e4a1d3b5c6a7e8aa'
    $hsFull = $Fixtures.helpScout.fullId
    $hsSparse = $Fixtures.helpScout.sparseId
    # The simulator's generated Kustomer customers (see _sim/kustomer/generate): aa00 + 20 hex digits.
    function Assert-OnlyError([object[]] $Errors, [string] $Id, [string] $Category, $Target) {
        # Exactly one error record, for the input that failed, with the contract's id and category.
        @($Errors).Count | Should -Be 1
        $Errors[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        if ($Category) { $Errors[0].CategoryInfo.Category | Should -Be $Category }
        $Errors[0].TargetObject | Should -Be $Target
    }
    function Get-GeneratedId([int[]] $Index) { $Index | ForEach-Object { 'aa00' + $_.ToString('x20') } }

    function Connect-TestKustomer([int] $MaxRetries = 2, [int] $TimeoutSec = 2) {
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri -MaxRetries $MaxRetries -TimeoutSec $TimeoutSec
    }
    function Connect-TestHelpScout([int] $MaxRetries = 2, [int] $TimeoutSec = 2) {
        Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri -MaxRetries $MaxRetries -TimeoutSec $TimeoutSec
    }
    function Wait-Until([scriptblock] $Condition, [double] $TimeoutSec = 5) {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { return $false }
            Start-Sleep -Milliseconds 50
        }
        $true
    }
    # Output and errors of a pipeline run with 2>&1, as the ids/inputs they concern, in the order written.
    function ConvertTo-InputOrder([Parameter(ValueFromPipeline)] $Item) {
        process { if ($Item -is [System.Management.Automation.ErrorRecord]) { 'error:' + $Item.TargetObject } else { $Item.Id } }
    }
}

AfterAll {
    Disconnect-Kustomer
    Disconnect-HelpScout
    Stop-ApiSimulator $sim
}

Describe 'Retries' {
    BeforeAll { Connect-TestKustomer -MaxRetries 2 }
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'gives one RateLimited error for an input still throttled after -MaxRetries; the others come out in order' {
        Invoke-Simulator $sim '_sim/kustomer/generate?count=2'
        $generated = Get-GeneratedId 0, 1
        Invoke-Simulator $sim '_sim/script' -Body @{
            pathContains = $sparse; status = 429; times = $null; headers = @{ 'Retry-After' = '0' }
            body         = '{"errors":[{"status":429,"code":"too_many_requests","title":"Too Many Requests"}]}'
        }
        $errors = $null
        $found = $generated[0], $sparse, $full, $generated[1] | Get-KustomerCustomer -ErrorVariable errors -ErrorAction SilentlyContinue

        $found.Id | Should -Be @($generated[0], $full, $generated[1])
        Assert-OnlyError $errors -Id RateLimited -Category LimitsExceeded -Target $sparse
        $errors[0].Exception.Message | Should -BeLike '*after 2 retries*'
        @(Get-SimulatorRequest $sim "/v1/customers/$sparse").Count | Should -Be 3
    }

    It 'answers <Status> with ServiceError after <Attempts> attempt(s) (a 500 is not worth repeating)' -TestCases @(
        @{ Status = 502; Attempts = 3 }
        @{ Status = 503; Attempts = 3 }
        @{ Status = 504; Attempts = 3 }
        @{ Status = 500; Attempts = 1 }
    ) {
        Invoke-Simulator $sim '_sim/script' -Body @{
            pathContains = $full; status = $Status; times = $null; headers = @{ 'Retry-After' = '0' }
            body         = '{"errors":[{"status":' + $Status + ',"title":"Failure"}]}'
        }
        $errors = $null
        $found = $full, $sparse | Get-KustomerCustomer -ErrorVariable errors -ErrorAction SilentlyContinue

        $found.Id | Should -Be @($sparse)
        Assert-OnlyError $errors -Id ServiceError -Category ConnectionError -Target $full
        @(Get-SimulatorRequest $sim "/v1/customers/$full").Count | Should -Be $Attempts
    }

}

Describe '-TimeoutSec' {
    BeforeAll { Connect-TestKustomer -MaxRetries 1 -TimeoutSec 1 }
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'gives RequestTimedOut for the input whose answer <What>, and only for it' -TestCases @(
        @{ What = 'never starts'; Breakage = 'None'; DelayMs = 60000 }
        @{ What = 'stalls halfway through the body'; Breakage = 'StallBody'; DelayMs = 0 }
    ) {
        Invoke-Simulator $sim '_sim/script' -Body @{
            pathContains = $full; times = $null; delayMs = $DelayMs; breakage = (ConvertTo-SimulatorEnum Breakage $Breakage)
            body         = '{"data":{"type":"customer","id":"' + $full + '","attributes":{"name":"Priya Raman"}}}'
        }
        $errors = $null
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $found = $full, $sparse | Get-KustomerCustomer -ErrorVariable errors -ErrorAction SilentlyContinue
        $watch.Stop()

        $found.Id | Should -Be @($sparse)
        Assert-OnlyError $errors -Id RequestTimedOut -Category OperationTimeout -Target $full
        $errors[0].Exception.Message | Should -Match '-TimeoutSec'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        # The module hung up: the simulator is no longer answering the stalled request.
        Wait-Until { (Get-SimulatorInFlight $sim).InFlight -eq 0 } | Should -BeTrue
    }
}

Describe '-ThrottleLimit' {
    BeforeAll { Connect-TestKustomer }
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Invoke-Simulator $sim '_sim/kustomer/generate?count=24'
        $ids = Get-GeneratedId (0..23)
    }

    It 'runs ids piped one at a time concurrently, up to the limit, and writes them in input order' {
        Invoke-Simulator $sim '_sim/latency?ms=100'
        $found = $ids | ForEach-Object { Start-Sleep -Milliseconds 5; $_ } | Get-KustomerCustomer -ThrottleLimit 4

        $found.Id | Should -Be $ids
        $peak = (Get-SimulatorInFlight $sim).MaxInFlight
        $peak | Should -BeGreaterThan 1
        $peak | Should -BeLessOrEqual 4
    }

    It '| Select-Object -First 2 ends a lookup of many ids within one window of requests' {
        Invoke-Simulator $sim '_sim/latency?ms=20'
        $many = Get-GeneratedId (0..99)
        Invoke-Simulator $sim '_sim/kustomer/generate?count=100'

        $found = $many | Get-KustomerCustomer -ThrottleLimit 4 | Select-Object -First 2
        Wait-SimulatorQuiet $sim

        $found.Id | Should -Be ($many | Select-Object -First 2)
        # The two written, plus at most a full window of 4 already sent when the pipeline stopped.
        @(Get-SimulatorRequest $sim '/v1/customers/*').Count | Should -BeLessOrEqual 6
    }

    It 'interleaves errors with customers in input order (2>&1)' {
        Invoke-Simulator $sim '_sim/latency?ms=30'
        # Slow answers for the first ids, so later ones are ready first.
        foreach ($i in 0..3) { Invoke-Simulator $sim '_sim/script' -Body @{ pathContains = $ids[$i]; delayMs = 300 - 60 * $i; thenServe = $true } }
        $inputs = for ($i = 0; $i -lt 16; $i++) {
            if ($i % 5 -eq 1) { "not-an-id-$i" } elseif ($i % 4 -eq 2) { $missing } else { $ids[$i] }
        }
        $expected = $inputs | ForEach-Object { if ($_ -like 'not-an-id-*' -or $_ -eq $missing) { "error:$_" } else { $_ } }

        $written = $inputs | Get-KustomerCustomer -ThrottleLimit 4 2>&1 | ConvertTo-InputOrder

        $written | Should -Be $expected
        (Get-SimulatorInFlight $sim).MaxInFlight | Should -BeGreaterThan 1
    }
}

Describe 'Pacing by the quota headers' {
    BeforeAll { Connect-TestKustomer }
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'gets 60 customers through a quota of 20 a second without a single 429' {
        Invoke-Simulator $sim '_sim/kustomer/generate?count=60'
        Set-SimulatorQuota $sim -Service Kustomer -Limit 20 -WindowMs 1000
        $ids = Get-GeneratedId (0..59)

        $found = $ids | Get-KustomerCustomer

        $found.Id | Should -Be $ids
        $quota = Get-SimulatorQuota $sim -Service Kustomer
        $quota.Rejected | Should -Be 0
        $quota.Served | Should -Be 60
        @(Get-SimulatorRequest $sim '/v1/*' | Where-Object status -EQ 429) | Should -BeNullOrEmpty
    }
}

Describe 'Ctrl+C' {
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'stops at once with requests stalled for 60 s, and leaves none in flight' {
        Invoke-Simulator $sim '_sim/kustomer/generate?count=40'
        Invoke-Simulator $sim '_sim/script' -Body @{ pathContains = '/v1/customers/'; delayMs = 60000; times = $null }
        $ids = Get-GeneratedId (0..39)
        # A session of its own, as a second pwsh window would be: Stop() is what Ctrl+C does.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($ModulePath, $BaseUri, $Key, $Ids)
                    Import-Module $ModulePath
                    Connect-Kustomer -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $BaseUri
                    $Ids | Get-KustomerCustomer -ThrottleLimit 8
                }.ToString()).AddParameters(@{ ModulePath = $ModulePath; BaseUri = $sim.BaseUri; Key = $KustomerKey; Ids = $ids })
            $running = $ps.BeginInvoke()
            # (Not $ps.Streams.Error here: enumerating a stream of a running pipeline waits for its end.)
            Wait-Until { (Get-SimulatorInFlight $sim).InFlight -eq 8 } -TimeoutSec 20 | Should -BeTrue -Because "8 requests should be stalled (the pipeline is $($ps.InvocationStateInfo.State))"

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()

            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
            Wait-Until { (Get-SimulatorInFlight $sim).InFlight -eq 0 } | Should -BeTrue -Because 'the simulator should not still serve requests the module gave up'
            $requests = @(Get-SimulatorRequest $sim '/v1/*')
            $requests.Count | Should -Be 8
            $requests.aborted | Should -Not -Contain $false
            $running.IsCompleted | Should -BeTrue
        }
        finally { $ps.Dispose() }
    }
}
