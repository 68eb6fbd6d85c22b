#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Rate limits as each service words them (docs/api/kustomer.md and helpscout.md §7): after a 429 the module asks again
# when the service said, never later and never earlier, and a fault run with each dialect's 429 and
# a Help Scout token revoked halfway loses nothing and waits no longer than stated plus backoff.
# Real waits, kept to a second or so; the quota is used up by others sharing it (another
# integration of the org, another app of the account), so the first request meets the 429.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $full = $Fixtures.kustomer.fullId
    $sparse = $Fixtures.kustomer.sparseId
    $hsFull = $Fixtures.helpScout.fullId
    $hsSparse = $Fixtures.helpScout.sparseId

    function Connect-TestKustomer {
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri -MaxRetries 2
    }
    function Connect-TestHelpScout([int] $MaxRetries = 2) {
        Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri -MaxRetries $MaxRetries -TimeoutSec 5
    }
    # Each 429 came back for its retry when it said: not before, and at most 10 % after.
    function Assert-WaitedAsStated([object[]] $Gaps) {
        foreach ($gap in $Gaps) {
            $gap.IdleMs | Should -Not -BeNullOrEmpty -Because "the request for $($gap.Target) should have been retried"
            $gap.Early | Should -BeFalse -Because "the retry of $($gap.Target) should not come before the stated $($gap.StatedMs) ms"
            $gap.IdleMs | Should -BeLessOrEqual (1.1 * $gap.StatedMs) -Because "the retry of $($gap.Target) should come within 10 % of the stated $($gap.StatedMs) ms"
        }
    }
}

AfterAll {
    Disconnect-Kustomer
    Disconnect-HelpScout
    Stop-ApiSimulator $sim
}

Describe "Help Scout's 429 with remaining 0" {
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        # A reset forgets the tokens it gave out: connect afterwards. The first command compiles the module's code.
        Connect-TestHelpScout
        $null = Get-HelpScoutCustomer -Id $hsFull
    }

    It 'asks again after the X-RateLimit-Retry-After it states, not after an assumed minute, and -Verbose says so' {
        Set-SimulatorQuota $sim -Service HelpScout -Limit 5 -Spent 5
        Invoke-Simulator $sim '_sim/requests/clear'
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $all = Get-HelpScoutCustomer -Id $hsFull, $hsSparse -ThrottleLimit 1 -Verbose 4>&1
        $watch.Stop()

        @($all | Where-Object { $_ -is [CustomerTools.HelpScout.HelpScoutCustomer] }).Id | Should -Be @($hsFull, $hsSparse)
        $throttled = @(Get-SimulatorRequest $sim '/v2/customers/*' | Where-Object status -EQ 429)
        $throttled.Count | Should -Be 1
        $throttled[0].responseHeaders.'X-RateLimit-Remaining-Minute' | Should -Be '0'
        $throttled[0].responseHeaders.'X-RateLimit-Retry-After' | Should -Be '1'
        $gaps = @(Get-SimulatorThrottleGap $sim)
        $gaps.Count | Should -Be 1
        Assert-WaitedAsStated $gaps
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        @($verbose -match 'waiting 1\.0 s \(X-RateLimit-Retry-After\)\.$').Count | Should -Be 1 -Because ($verbose -join "`n")
    }

    It 'gets 12 ids through at -ThrottleLimit 4 when the first requests meet 429s, within about a second' {
        Invoke-Simulator $sim '_sim/helpscout/generate?count=12'
        $ids = 0..11 | ForEach-Object { 5000000 + $_ }
        Set-SimulatorQuota $sim -Service HelpScout -Limit 20 -Spent 20
        Invoke-Simulator $sim '_sim/requests/clear'
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        # Four go out at once; the first 429 pauses the connection, so no request after it meets one.
        $found = Get-HelpScoutCustomer -Id $ids -ThrottleLimit 4
        $watch.Stop()

        $found.Id | Should -Be $ids
        $gaps = @(Get-SimulatorThrottleGap $sim)
        $gaps.Count | Should -BeGreaterOrEqual 1
        $gaps.Count | Should -BeLessOrEqual 4
        Assert-WaitedAsStated $gaps
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
    }
}

Describe "Kustomer's 429 with x-ratelimit-reset" {
    BeforeAll { Connect-TestKustomer }
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        $null = Get-KustomerCustomer -Id $full
    }

    It 'asks again at the stated reset given <Unit>' -TestCases @(
        @{ Unit = 'in seconds'; Unix = $false }
        @{ Unit = 'as a Unix time'; Unix = $true }
    ) {
        Set-SimulatorQuota $sim -Service Kustomer -Limit 5 -Spent 5 -UnixReset:$Unix
        Invoke-Simulator $sim '_sim/requests/clear'
        $found = Get-KustomerCustomer -Id $full, $sparse -ThrottleLimit 1

        $found.Id | Should -Be @($full, $sparse)
        $throttled = @(Get-SimulatorRequest $sim '/v1/customers/*' | Where-Object status -EQ 429)
        $throttled.Count | Should -Be 1
        $throttled[0].responseHeaders.'x-ratelimit-remaining' | Should -Be '0'
        ([double]$throttled[0].responseHeaders.'x-ratelimit-reset' -gt 1e9) | Should -Be $Unix
        $gaps = @(Get-SimulatorThrottleGap $sim)
        $gaps.Count | Should -Be 1
        Assert-WaitedAsStated $gaps
    }
}

Describe 'Faults with each dialect''s 429, and the Help Scout token revoked halfway' {
    BeforeAll {
        $maxRetries = 2
        $kinds = 'TooManyRequestsQuotaUsedUp', 'BadGateway', 'ServiceUnavailable', 'MalformedJson'
        # The simulator's own schedule, to work out what each input must end as.
        $null = ConvertTo-SimulatorEnum FaultKind BadGateway
        $schedule = [CustomerTools.ApiSimulator.FaultSchedule]::new()
        $schedule.Seed = 2
        $schedule.Rate = 0.15
        $schedule.PathContains = '/v2/customers/'
        $schedule.Kinds = [System.Collections.Generic.List[CustomerTools.ApiSimulator.FaultKind]]::new([CustomerTools.ApiSimulator.FaultKind[]]$kinds)
    }
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Connect-TestHelpScout -MaxRetries $maxRetries
    }

    It 'gives each of 16 inputs one object or one error, in order, waiting no longer than the waits stated plus the backoff' {
        Invoke-Simulator $sim '_sim/helpscout/generate?count=16'
        $ids = 0..15 | ForEach-Object { 5000000 + $_ }
        Set-SimulatorFault $sim -Kind $kinds -PathContains '/v2/customers/' -Rate $schedule.Rate -Seed $schedule.Seed
        Invoke-Simulator $sim '_sim/helpscout/revoke-tokens-at?request=8'
        Invoke-Simulator $sim '_sim/requests/clear'
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $written = $ids | Get-HelpScoutCustomer -ThrottleLimit 4 2>&1 | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) { '{0}:{1}' -f $_.TargetObject, $_.FullyQualifiedErrorId.Split(',')[0] } else { '{0}:object' -f $_.Id }
        }
        $watch.Stop()

        $requests = @(Get-SimulatorRequest $sim '/v2/customers/*')
        $stated = 0.0
        $backoff = 0.0
        $expected = foreach ($id in $ids) {
            $path = "/v2/customers/$id"
            # Attempts answered 401 (the revoked token) are renewed and sent again, not counted as retries.
            $refused = @($requests | Where-Object rawTarget -EQ $path | Sort-Object { [DateTimeOffset]$_.receivedAt } | ForEach-Object status)
            $retries = 0
            $outcome = $null
            for ($attempt = 0; -not $outcome; $attempt++) {
                if ($attempt -lt $refused.Count -and $refused[$attempt] -eq 401) { continue }
                $fault = $schedule.FaultFor($path, $attempt)
                if ($null -eq $fault) { $outcome = 'object'; break }
                if ("$fault" -eq 'MalformedJson') { $outcome = 'InvalidResponse'; break }
                if ($retries -ge $maxRetries) { $outcome = if ("$fault" -like 'TooManyRequests*') { 'RateLimited' } else { 'ServiceError' }; break }
                $retries++
                if ("$fault" -eq 'TooManyRequestsQuotaUsedUp') { $stated += [CustomerTools.ApiSimulator.FaultSchedule]::QuotaRefillSeconds } else { $backoff += [math]::Pow(2, $retries - 1) }
            }
            "${id}:$outcome"
        }
        Write-Host ("waits the service stated {0:0.0} s, backoff at most {1:0.0} s, the run took {2:0.00} s" -f $stated, $backoff, $watch.Elapsed.TotalSeconds)

        $written | Should -Be $expected
        @($requests | Where-Object status -EQ 401).Count | Should -BeGreaterThan 0
        (Invoke-Simulator $sim '_sim/helpscout/tokens' -Method GET).requests | Should -Be 2
        $stated | Should -BeGreaterThan 0 -Because 'the run should meet a 429 stating its refill'
        # A second on top for the requests themselves.
        $watch.Elapsed.TotalSeconds | Should -BeLessOrEqual ($stated + $backoff + 1)
    }
}
