#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# What changed since last night, as a user runs it: Get-KustomerCustomer's search set and
# Get-HelpScoutCustomer -ModifiedSince against the simulator's generated org, judged against the
# simulator's own account of which customers changed (its oracle from the same timeline).

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $origin = [DateTimeOffset]'2025-01-01T00:00:00Z'
    $org = 2000

    function Set-Timeline([int] $Count = $org, [int] $TieStart = 0, [int] $TieCount = 0) {
        Invoke-Simulator $sim '_sim/kustomer/clear'
        Invoke-Simulator $sim "_sim/kustomer/timeline?count=$Count&stepMs=60000&tieStart=$TieStart&tieCount=$TieCount"
        # Searches are paced to the search quota their answers report, else to 100 a minute; this
        # one is too large to pace by, so that only 'The search quota' is about pacing.
        Invoke-Simulator $sim '_sim/kustomer/search-quota?limit=1000000&windowMs=60000&headers=on'
    }

    # The ids the simulator holds as changed at or after $Since, oldest change first.
    function Get-ChangedId([DateTimeOffset] $Since) {
        (Invoke-Simulator $sim -Method GET -Path ('_sim/kustomer/changed-since?since={0}' -f [uri]::EscapeDataString($Since.ToString('o')))).ids
    }

    function Get-SearchRequest { Get-SimulatorRequest $sim '/v1/customers/search' }

    # The number in a generated id (aa00 + 20 hex digits): tier, seats and VIP flag derive from it.
    function Get-GeneratedNumber([string] $Id) { [Convert]::ToInt32($Id.Substring(4), 16) }

    Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
}

AfterAll {
    Disconnect-Kustomer
    Disconnect-HelpScout
    Stop-ApiSimulator $sim
}

Describe 'Get-KustomerCustomer -UpdatedSince' {
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Set-Timeline
    }

    It 'writes exactly the customers changed since, oldest change first, from one search' {
        $since = $origin.AddMinutes($org - 300)
        $found = Get-KustomerCustomer -UpdatedSince $since
        $found.Id | Should -Be (Get-ChangedId $since)
        $found.Count | Should -Be 300
        $requests = @(Get-SimulatorRequest $sim)
        $requests | Should -HaveCount 1
        $requests[0].method | Should -Be 'POST'
        $requests[0].rawPath | Should -Be '/v1/customers/search'
        $requests[0].body | Should -BeExactly ('{"and":[{"customer_updated_at":{"gte":"' + $since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'") + '"}}],"sort":[{"customer_updated_at":"asc"}],"queryContext":"customer"}')
    }

    It 'takes <Kind> for the time' -TestCases @(
        @{ Kind = 'a DateTimeOffset'; Value = { $since } }
        @{ Kind = 'a UTC DateTime'; Value = { $since.UtcDateTime } }
        @{ Kind = 'a local DateTime'; Value = { $since.LocalDateTime } }
        @{ Kind = 'a date string with an offset'; Value = { $since.ToOffset([TimeSpan]::FromHours(-5)).ToString('yyyy-MM-dd HH:mm:ss.fffzzz') } }
        @{ Kind = 'a bookmark written with ToString(''o'')'; Value = { $since.ToString('o') } }
    ) {
        $since = $origin.AddMinutes($org - 10).AddMilliseconds(250)
        Get-KustomerCustomer -UpdatedSince (& $Value) -First 1 | Out-Null
        (Get-SearchRequest)[-1].body | Should -Match ([regex]::Escape('{"and":[{"customer_updated_at":{"gte":"2025-01-02T09:10:00.250Z"}}]'))
    }

    It 'takes a customer''s UpdatedAt, and -ModifiedSince is the same parameter' {
        $first = Get-KustomerCustomer -ModifiedSince $origin.AddMinutes($org - 5) -First 1
        $next = Get-KustomerCustomer -UpdatedSince $first.UpdatedAt
        $next[0].Id | Should -Be $first.Id
        $next.Count | Should -Be 5
    }

    It 'combines -CreatedSince and -Query with it by AND, still oldest change first' {
        $since = $origin.AddMinutes($org / 2)
        $createdSince = $origin.AddMinutes(-($org * 3 / 4))
        $query = @{ customer_custom_tierStr = @{ equals = 'gold' } }
        $found = Get-KustomerCustomer -UpdatedSince $since -CreatedSince $createdSince -Query $query
        # Generated customer n is gold when n % 3 == 0 and was created (2000 - n) minutes before the origin.
        $expected = Get-ChangedId $since | Where-Object { $n = Get-GeneratedNumber $_; $n % 3 -eq 0 -and $n -ge $org / 4 }
        $found.Id | Should -Be $expected
        $found.Count | Should -BeGreaterThan 10
    }

    It 'takes -Query as JSON text with or, as Kustomer writes it' {
        $json = '{"or":[{"customer_custom_seatsNum":{"gte":95}},{"customer_custom_vipBool":{"equals":true}}]}'
        $found = Get-KustomerCustomer -Query $json
        $expected = Get-ChangedId $origin | Where-Object { $n = Get-GeneratedNumber $_; $n % 100 -ge 95 -or $n % 5 -eq 0 }
        $found.Id | Should -Be $expected
    }

    It 'goes on past the 100-page limit with new searches and never asks for page 101' {
        $since = $origin.AddMinutes($org - 450)
        $found = Get-KustomerCustomer -UpdatedSince $since -PageSize 4
        $found.Id | Should -Be (Get-ChangedId $since)
        $pages = (Get-SearchRequest).rawTarget | ForEach-Object { [int]([regex]::Match($_, 'page=(\d+)').Groups[1].Value) }
        ($pages | Measure-Object -Maximum).Maximum | Should -BeLessOrEqual 100
        $pages.Count | Should -BeGreaterThan 112
    }

    It 'pages through customers sharing one time within the limit, each once' {
        Set-Timeline -TieStart ($org - 400) -TieCount 150
        $since = $origin.AddMinutes($org - 450)
        $found = Get-KustomerCustomer -UpdatedSince $since -PageSize 2
        $found.Id | Should -Be (Get-ChangedId $since)
    }

    It 'writes what it can of more customers at one time than 100 pages hold, with one error naming that time' {
        Set-Timeline -TieStart ($org - 400) -TieCount 250
        $since = $origin.AddMinutes($org - 450)
        $tieAt = $origin.AddMinutes($org - 400)
        $changed = Get-ChangedId $since
        $found = Get-KustomerCustomer -UpdatedSince $since -PageSize 2 -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'SearchLimitExceeded,CustomerTools.Commands.GetKustomerCustomerCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $problems[0].TargetObject | Should -Be $tieAt
        $problems[0].Exception.Message | Should -Match ([regex]::Escape($tieAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'")))
        # 50 first tied customers before it, then 200 of the tied ones (100 pages of 2); 50 left out; then the rest.
        $tied = $changed | Select-Object -Skip 50 -First 250
        $found.Id | Should -Be ($changed | Where-Object { $_ -notin ($tied | Select-Object -Skip 200) })
        (Get-SearchRequest).rawTarget | Where-Object { $_ -match 'page=(10[1-9]|1[1-9]\d|[2-9]\d\d)&' } | Should -BeNullOrEmpty
    }

    It 'writes a customer updated while the search runs once' {
        $since = $origin.AddMinutes($org - 400)
        $before = Get-ChangedId $since
        Invoke-Simulator $sim '_sim/kustomer/search-shift?afterPages=1&update=5'
        $found = Get-KustomerCustomer -UpdatedSince $since -PageSize 50
        (Invoke-Simulator $sim -Method GET -Path '_sim/kustomer/shifts').searchShiftFired | Should -BeTrue
        $found.Id | Should -HaveCount $before.Count
        ($found.Id | Sort-Object -Unique).Count | Should -Be $before.Count
        $found.Id | Sort-Object | Should -Be ($before | Sort-Object)
    }

    It 'shows -First, -Skip and -IncludeTotalCount the way -All does' {
        $since = $origin.AddMinutes($org - 1000)
        $changed = Get-ChangedId $since
        $first = Get-KustomerCustomer -UpdatedSince $since -First 5 -IncludeTotalCount
        $first[0] | Should -Be 1000
        $first[1..5].Id | Should -Be ($changed | Select-Object -First 5)
        Invoke-Simulator $sim '_sim/requests/clear'
        (Get-KustomerCustomer -UpdatedSince $since -PageSize 100 -Skip 250 -First 10).Id | Should -Be ($changed | Select-Object -Skip 250 -First 10)
        (Get-SearchRequest).rawTarget | Should -Match 'page=3&'
    }

    It 'finds nothing for a time in the future, and that is no error' {
        Get-KustomerCustomer -UpdatedSince ([DateTimeOffset]::UtcNow.AddDays(1)) -ErrorVariable problems | Should -BeNullOrEmpty
        $problems | Should -BeNullOrEmpty
    }
}

Describe 'The search quota' {
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Set-Timeline
    }

    It 'keeps to the quota search answers report, and meets no 429' {
        Invoke-Simulator $sim '_sim/kustomer/search-quota?limit=10&windowMs=1000&headers=on'
        $since = $origin.AddMinutes($org - 120)
        $found = Get-KustomerCustomer -UpdatedSince $since -PageSize 5 -ErrorVariable problems
        $problems | Should -BeNullOrEmpty
        $found.Id | Should -Be (Get-ChangedId $since)
        $quota = Invoke-Simulator $sim -Method GET -Path '_sim/kustomer/search-quota'
        $quota.rejected | Should -Be 0
        $quota.served | Should -BeGreaterThan 20
    }

    It 'waits out a search''s 429 as its Retry-After says, and loses nothing' {
        Invoke-Simulator $sim '_sim/kustomer/search-quota?limit=4&windowMs=1000&headers=off'
        $since = $origin.AddMinutes($org - 60)
        $found = Get-KustomerCustomer -UpdatedSince $since -PageSize 5 -ErrorVariable problems
        $problems | Should -BeNullOrEmpty
        $found.Id | Should -Be (Get-ChangedId $since)
        $searches = @(Get-SearchRequest)
        $throttled = @(0..($searches.Count - 2) | Where-Object { $searches[$_].status -eq 429 })
        $throttled.Count | Should -BeGreaterThan 0
        foreach ($i in $throttled) {
            $stated = [double]$searches[$i].responseHeaders.'Retry-After'
            $idle = ([DateTimeOffset]$searches[$i + 1].receivedAt - [DateTimeOffset]$searches[$i].answeredAt).TotalSeconds
            $idle | Should -BeGreaterOrEqual ($stated - 0.01)
            $idle | Should -BeLessOrEqual ($stated * 1.1 + 0.1)
        }
    }
}

Describe 'Get-KustomerCustomer -All while the list shifts' {
    It 'writes no customer twice when a customer added in front pushes records onto the next page' {
        Invoke-Simulator $sim '_sim/reset'
        Set-Timeline -Count 250
        $before = 0..249 | ForEach-Object { 'aa00' + $_.ToString('x20') }
        Invoke-Simulator $sim '_sim/kustomer/list-shift?afterPages=1&insert=3'
        $found = Get-KustomerCustomer -All
        (Invoke-Simulator $sim -Method GET -Path '_sim/kustomer/shifts').listShiftFired | Should -BeTrue
        $found.Id | Should -Be $before
    }
}

Describe 'Bad search input and refusals' {
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'a -Query that is <Kind> is InvalidQuery, sends nothing, and the rest of the line goes on' -TestCases @(
        @{ Kind = 'a number'; Query = 42 }
        @{ Kind = 'JSON text of an array'; Query = '[{"customer_email":{"equals":"a@x.example"}}]' }
        @{ Kind = 'not JSON'; Query = 'customer_email = a@x.example' }
        @{ Kind = 'sorted its own way'; Query = @{ sort = @(@{ customer_name = 'asc' }) } }
    ) {
        $output = @(Get-KustomerCustomer -Query $Query -ErrorVariable problems -ErrorAction SilentlyContinue; 'next')
        $output | Should -Be 'next'
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidQuery,CustomerTools.Commands.GetKustomerCustomerCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].TargetObject | Should -Be $Query
        Get-SimulatorRequest $sim | Should -BeNullOrEmpty
    }

    It 'criteria Kustomer refuses are InvalidRequest in Kustomer''s words' {
        Get-KustomerCustomer -Query @{ customer_shoe_size = @{ equals = 44 } } -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidRequest,CustomerTools.Commands.GetKustomerCustomerCommand'
        $problems[0].Exception.Message | Should -Match 'customer_shoe_size'
    }

    It 'a key without the search role stops with AccessDenied naming the role to add' {
        $noSearch = Connect-Kustomer -ApiKey (ConvertTo-TestSecret $Fixtures.kustomer.noSearchRoleKey) -BaseUri $sim.BaseUri -PassThru
        { Get-KustomerCustomer -UpdatedSince '2025-01-01' -Connection $noSearch } |
            Should -Throw -ErrorId 'AccessDenied,CustomerTools.Commands.GetKustomerCustomerCommand' -ExpectedMessage '*org.permission.search.create*'
        # The same key still reads customers.
        (Get-KustomerCustomer -Id $Fixtures.kustomer.fullId -Connection $noSearch).Id | Should -Be $Fixtures.kustomer.fullId
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
    }
}

Describe 'Get-HelpScoutCustomer -ModifiedSince' {
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Invoke-Simulator $sim '_sim/helpscout/timeline?count=400&stepMs=60000'
        Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri
    }

    It 'lists the changes oldest first (<Parameter>), sorted by modifiedAt ascending' -TestCases @(
        @{ Parameter = 'ModifiedSince' }
        @{ Parameter = 'UpdatedSince' }
    ) {
        $since = $origin.AddMinutes(280)
        $filter = @{ $Parameter = $since }
        $found = Get-HelpScoutCustomer @filter
        $found.Count | Should -BeGreaterOrEqual 120
        $changed = $found | Where-Object { $_.Id -ge 5000000 }
        $changed.Count | Should -Be 120
        for ($i = 1; $i -lt $changed.Count; $i++) { $changed[$i].UpdatedAt | Should -BeGreaterThan $changed[$i - 1].UpdatedAt }
        $list = Get-SimulatorRequest $sim '/v2/customers' | Select-Object -First 1
        $list.query.sortField | Should -Be 'modifiedAt'
        $list.query.sortOrder | Should -Be 'asc'
    }

    It 'writes no customer twice when the pages shift' {
        $since = $origin.AddMinutes(200)
        Invoke-Simulator $sim '_sim/helpscout/list-shift?afterPages=1&insert=2'
        $found = Get-HelpScoutCustomer -ModifiedSince $since
        (Invoke-Simulator $sim -Method GET -Path '_sim/helpscout/shifts').listShiftFired | Should -BeTrue
        $found.Id | Should -HaveCount ($found.Id | Sort-Object -Unique).Count
        ($found | Where-Object { $_.Id -ge 5000000 }).Count | Should -Be 200
    }
}
