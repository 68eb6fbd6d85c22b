#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Finding and listing customers as users do it: lookups by email, phone and external id (also from
# CSV rows), Kustomer's paged -All, Help Scout's exact -Email and filtered listing, several
# connections side by side, one service's customers piped into the other, and the results in
# Export-Csv and ConvertTo-Json. Runs the built module against the API simulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator

    $full = $Fixtures.kustomer.fullId      # Kustomer: Priya Raman, priya@northwind.example
    $sparse = $Fixtures.kustomer.sparseId    # Kustomer: ann@sparse.example
    $twin = '0123456789abcdef01234567'      # a Kustomer customer the tests add themselves
    $hsFull = $Fixtures.helpScout.fullId                       # Help Scout: Lena Okonkwo, lena@tidewater.example (mailbox 101)
    $hsSparse = $Fixtures.helpScout.sparseId                     # Help Scout: Sam, no emails (mailbox 102)
    $hsDashed = $Fixtures.helpScout.dashedId                     # Help Scout: Ana Lima, ana@lima.example (mailbox 102)
    $hsNearMiss = $Fixtures.helpScout.nearMissId                   # Help Scout: elena@tidewater.example, contains Lena's address (mailbox 101)
    $hsFixtures = @($hsFull, $hsSparse, $hsDashed, $hsNearMiss)

    function Connect-TestKustomer([switch] $PassThru, [string] $BaseUri = $sim.BaseUri) {
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $BaseUri -PassThru:$PassThru
    }

    function Connect-TestHelpScout {
        Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri
    }

    # A query parameter as the simulator received it, decoded from the raw request target (the
    # recorded `query` goes through ConvertFrom-Json, which turns date-like text into DateTime).
    function Get-SentQuery([Parameter(Mandatory)] $Request, [Parameter(Mandatory)] [string] $Name) {
        $target = [string] $Request.rawTarget
        if ($target.IndexOf('?') -lt 0) { return }
        foreach ($pair in $target.Substring($target.IndexOf('?') + 1) -split '&') {
            $key, $value = $pair -split '=', 2
            if ([uri]::UnescapeDataString($key) -ceq $Name) { return [uri]::UnescapeDataString($value.Replace('+', ' ')) }
        }
    }

    # Kustomer's list requests (/v1/customers?page=…), in the order they arrived.
    function Get-KustomerPageRequest { @(Get-SimulatorRequest $sim '/v1/customers') }

    # Help Scout's list requests (/v2/customers?…) and single-customer requests (/v2/customers/<id>).
    function Get-HelpScoutPageRequest { @(Get-SimulatorRequest $sim '/v2/customers') }
    function Get-HelpScoutRecordRequest { @(Get-SimulatorRequest $sim '/v2/customers/*') }

    # Every Kustomer customer after `_sim/kustomer/generate?count=$Generated`, in list order.
    function Get-KustomerListIds([int] $Generated) {
        @($full, $sparse) + @(0..($Generated - 1) | ForEach-Object { 'aa00' + $_.ToString('x20') })
    }

    # Every Help Scout customer after `_sim/helpscout/generate?count=$Generated`, in list order.
    function Get-HelpScoutListIds([int] $Generated) {
        $hsFixtures + @(0..($Generated - 1) | ForEach-Object { [long] (5000000 + $_) })
    }

    # Runs a script in a new runspace of this pwsh, with the module imported and connected to the
    # simulator: progress records, which no stream redirection brings back, are collected there.
    function Invoke-InNewRunspace([Parameter(Mandatory)] [string] $Script) {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($ModulePath, $Key, $BaseUri)
                    Import-Module $ModulePath
                    Connect-Kustomer -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $BaseUri
                }.ToString() + "`n" + $Script).AddArgument($ModulePath).AddArgument($KustomerKey).AddArgument($sim.BaseUri)
            $output = $ps.Invoke()
            [pscustomobject]@{
                Output   = @($output | ForEach-Object { $_.psobject.BaseObject })
                Progress = @($ps.Streams.Progress)
                Errors   = @($ps.Streams.Error)
            }
        }
        finally { $ps.Dispose() }
    }
}

AfterAll {
    Disconnect-Kustomer
    Disconnect-HelpScout
    Stop-ApiSimulator $sim
}

Describe 'Get-KustomerCustomer -Email, -Phone and -ExternalId' {
    BeforeAll { Connect-TestKustomer }
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'sends -<Parameter> ''<Value>'' intact: decoded as given, in one percent-encoded path segment' -TestCases @(
        @{ Parameter = 'Email'; Field = 'email'; Value = 'ann+vip@northwind.example' }
        @{ Parameter = 'Phone'; Field = 'phone'; Value = '+14155550123' }
        @{ Parameter = 'ExternalId'; Field = 'externalId'; Value = 'acct 7/3 eu/north' }
        @{ Parameter = 'ExternalId'; Field = 'externalId'; Value = 'crm id/42?x=1#frag%20&q' }
        @{ Parameter = 'ExternalId'; Field = 'externalId'; Value = '../../v1/orgs' }
    ) {
        Add-SimulatorCustomer $sim Kustomer @{
            type       = 'customer'; id = $twin
            attributes = @{
                name       = 'Lookup Twin'
                emails     = @(@{ email = if ($Field -eq 'email') { $Value } else { 'twin@lookup.example' } })
                phones     = @(@{ phone = if ($Field -eq 'phone') { $Value } else { '+10000000000' } })
                externalId = if ($Field -eq 'externalId') { $Value } else { 'twin-1' }
            }
        }
        $lookup = @{ $Parameter = $Value }
        $errors = $null

        $found = @(Get-KustomerCustomer @lookup -ErrorVariable errors)

        $errors | Should -BeNullOrEmpty
        $found.Id | Should -Be @($twin)
        $requests = @(Get-SimulatorRequest $sim)
        $requests.Count | Should -Be 1
        $requests[0].lookupField | Should -BeExactly $Field
        $requests[0].lookupValue | Should -BeExactly $Value
        $requests[0].rawTarget | Should -BeExactly $requests[0].rawPath   # nothing spilled into a query string
        $segments = $requests[0].rawPath -split '/'
        $segments.Count | Should -Be 4
        ($segments[0..2] -join '/') | Should -BeExactly '/v1/customers'
        $segments[3] | Should -BeLikeExactly "$Field=*"
        $encoded = $segments[3].Substring($Field.Length + 1)
        [uri]::UnescapeDataString($encoded) | Should -BeExactly $Value
        $encoded | Should -Not -Match '[ +?#&=]'   # each of these would change the meaning of the request
    }

    It 'sends an E.164 phone with its + encoded, never as a space' {
        $found = Get-KustomerCustomer -Phone '+442071838750'
        $found.Id | Should -Be $full
        (Get-SimulatorRequest $sim).rawPath | Should -BeExactly '/v1/customers/phone=%2B442071838750'
    }

    It 'binds -Email from Import-Csv rows by property name (<Column>) and keeps the file order' -TestCases @(
        @{ Column = 'Email' }
        @{ Column = 'EmailAddress' }
    ) {
        Add-SimulatorCustomer $sim Kustomer @{ type = 'customer'; id = $twin; attributes = @{ emails = @(@{ email = 'ann+vip@northwind.example' }) } }
        $csv = Join-Path $TestDrive "$Column.csv"
        Set-Content -Path $csv -Value @(
            "Account,$Column"
            'Northwind,priya@northwind.example'
            'VIP,ann+vip@northwind.example'
            'Sparse,ann@sparse.example'
        )

        $found = Import-Csv $csv | Get-KustomerCustomer

        $found.Id | Should -Be @($full, $twin, $sparse)
        (Get-SimulatorRequest $sim).lookupValue | Sort-Object |
            Should -Be ('priya@northwind.example', 'ann+vip@northwind.example', 'ann@sparse.example' | Sort-Object)
    }

    It 'binds -Phone and -ExternalId from CSV columns of those names' {
        $phones = Join-Path $TestDrive 'phones.csv'
        $externalIds = Join-Path $TestDrive 'external.csv'
        Set-Content $phones 'Phone', '+442071838750'
        Set-Content $externalIds 'ExternalId', 'acct-20931'

        (Import-Csv $phones | Get-KustomerCustomer).Id | Should -Be $full
        (Import-Csv $externalIds | Get-KustomerCustomer).Id | Should -Be $full
        (Get-SimulatorRequest $sim).lookupField | Should -Be @('phone', 'externalId')
    }

    It 'gives an InvalidEmail error record, and sends nothing, for ''<Label>'', while the valid address is still found' -TestCases @(
        @{ Label = 'empty'; Bad = '' }
        @{ Label = 'no @'; Bad = 'priya.northwind.example' }
        @{ Label = 'CR LF header injection'; Bad = "priya@northwind.example`r`nX-Injected: 1" }
        @{ Label = 'NUL'; Bad = "priya@north`0wind.example" }
        @{ Label = 'tab'; Bad = "priya@northwind`t.example" }
    ) {
        $errors = $null

        $found = Get-KustomerCustomer -Email $Bad, 'priya@northwind.example' -ErrorVariable errors -ErrorAction SilentlyContinue

        $found.Id | Should -Be $full
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidEmail,CustomerTools.Commands.GetKustomerCustomerCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].TargetObject | Should -BeExactly $Bad
        $errors[0].Exception.Message | Should -Not -Match '[\r\n\t\0]'
        (Get-SimulatorRequest $sim).lookupValue | Should -BeExactly 'priya@northwind.example'
    }

    It 'gives an InvalidPhone error record, and sends nothing, for ''<Label>'', while the valid number is still found' -TestCases @(
        @{ Label = 'empty'; Bad = '' }
        @{ Label = 'words'; Bad = 'call me' }
        @{ Label = 'CR LF'; Bad = "+14155550123`r`nX-Injected: 1" }
        @{ Label = 'NUL'; Bad = "+1415`05550123" }
    ) {
        $errors = $null

        $found = Get-KustomerCustomer -Phone $Bad, '+442071838750' -ErrorVariable errors -ErrorAction SilentlyContinue

        $found.Id | Should -Be $full
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidPhone,CustomerTools.Commands.GetKustomerCustomerCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].TargetObject | Should -BeExactly $Bad
        (Get-SimulatorRequest $sim).lookupValue | Should -BeExactly '+442071838750'
    }

    It 'writes CustomerNotFound for an address nobody has, naming it, and finds the rest' {
        $errors = $null
        $found = Get-KustomerCustomer -Email 'nobody@nowhere.example', 'ann@sparse.example' -ErrorVariable errors -ErrorAction SilentlyContinue
        $found.Id | Should -Be $sparse
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'CustomerNotFound,*'
        $errors[0].TargetObject | Should -BeExactly 'nobody@nowhere.example'
    }
}

Describe 'Get-KustomerCustomer -All' {
    BeforeAll { Connect-TestKustomer }
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Invoke-Simulator $sim '_sim/kustomer/generate?count=250'
    }

    It 'lists every page in order, with no duplicates and no gaps' {
        $errors = $null

        $ids = (Get-KustomerCustomer -All -ErrorVariable errors).Id

        $errors | Should -BeNullOrEmpty
        $ids.Count | Should -Be 252
        @($ids | Select-Object -Unique).Count | Should -Be 252
        $ids | Should -Be (Get-KustomerListIds 250)
        $pageRequests = Get-KustomerPageRequest
        $pageRequests | ForEach-Object { Get-SentQuery $_ 'page' } | Should -Be @('1', '2', '3')
        $pageRequests | ForEach-Object { Get-SentQuery $_ 'pageSize' } | Should -Be @('100', '100', '100')
    }

    It 'clamps -PageSize above 100 to 100 and says so on the verbose stream' {
        $streams = Get-KustomerCustomer -All -PageSize 500 -First 150 -Verbose 4>&1
        $customers = @($streams | Where-Object { $_ -is [CustomerTools.Kustomer.KustomerCustomer] })
        $verbose = @($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message

        $customers.Id | Should -Be (Get-KustomerListIds 250 | Select-Object -First 150)
        Get-KustomerPageRequest | ForEach-Object { Get-SentQuery $_ 'pageSize' } | Should -Be @('100', '100')
        ($verbose -join "`n") | Should -Match 'at most 100'
    }

    It '<Paging> gives the right customers from <Pages> page request(s) of <PageSize>' -TestCases @(
        @{ Paging = '-First 5'; Arguments = @{ First = 5 }; PageSize = 100; Skip = 0; Count = 5; Pages = 1 }
        @{ Paging = '-First 5 -PageSize 2'; Arguments = @{ First = 5; PageSize = 2 }; PageSize = 2; Skip = 0; Count = 5; Pages = 3 }
        @{ Paging = '-Skip 3 -First 2 -PageSize 2'; Arguments = @{ Skip = 3; First = 2; PageSize = 2 }; PageSize = 2; Skip = 3; Count = 2; Pages = 2 }
        @{ Paging = '-Skip 250 -First 10'; Arguments = @{ Skip = 250; First = 10 }; PageSize = 100; Skip = 250; Count = 2; Pages = 1 }
        @{ Paging = '-Skip 100'; Arguments = @{ Skip = 100 }; PageSize = 100; Skip = 100; Count = 152; Pages = 2 }
    ) {
        $found = Get-KustomerCustomer -All @Arguments

        @($found).Count | Should -Be $Count
        $found.Id | Should -Be (Get-KustomerListIds 250 | Select-Object -Skip $Skip -First $Count)
        $pageRequests = Get-KustomerPageRequest
        $pageRequests.Count | Should -Be $Pages
        $pageRequests | ForEach-Object { Get-SentQuery $_ 'pageSize' } | Select-Object -Unique | Should -Be "$PageSize"
    }

    It 'stops at an empty page that the last full page links to' {
        Invoke-Simulator $sim '_sim/kustomer/generate?count=198'
        Invoke-Simulator $sim '_sim/kustomer/link-past-last-page?value=true'
        $errors = $null

        $ids = (Get-KustomerCustomer -All -ErrorVariable errors).Id

        $errors | Should -BeNullOrEmpty
        $ids | Should -Be (Get-KustomerListIds 198)
        Get-KustomerPageRequest | ForEach-Object { Get-SentQuery $_ 'page' } | Should -Be @('1', '2', '3')
    }

    It '-IncludeTotalCount writes the service''s total first, then the customers' {
        $output = @(Get-KustomerCustomer -All -IncludeTotalCount -First 2)

        $output.Count | Should -Be 3
        $output[0] | Should -BeOfType ([uint64])
        $output[0] | Should -Be 252
        $output[1..2].Id | Should -Be @($full, $sparse)
    }

    It 'reports progress as records of the total and completes it at the end' {
        $run = Invoke-InNewRunspace 'Get-KustomerCustomer -All | Measure-Object | ForEach-Object Count'

        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Be 252
        $records = @($run.Progress | Where-Object Activity -EQ 'Listing Kustomer customers')
        @($records | Where-Object RecordType -EQ 'Processing').StatusDescription |
            Should -Be @('100 of 252 customers', '200 of 252 customers', '252 of 252 customers')
        $records[-1].RecordType | Should -Be 'Completed'
    }

    It 'completes progress too when Select-Object -First ends the listing early' {
        $run = Invoke-InNewRunspace 'Get-KustomerCustomer -All -PageSize 10 | Select-Object -First 3 | ForEach-Object Id'

        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Be (Get-KustomerListIds 250 | Select-Object -First 3)
        $records = @($run.Progress | Where-Object Activity -EQ 'Listing Kustomer customers')
        $records.Count | Should -BeGreaterThan 1
        $records[-1].RecordType | Should -Be 'Completed'
    }

    It '| Select-Object -First 3 stops early, after a page or two, without an error' {
        $Error.Clear()
        $errors = $null

        $found = Get-KustomerCustomer -All -PageSize 10 -ErrorVariable errors | Select-Object -First 3
        Wait-SimulatorQuiet $sim   # a page fetched ahead is recorded now, if there was one

        $found.Id | Should -Be (Get-KustomerListIds 250 | Select-Object -First 3)
        $errors | Should -BeNullOrEmpty
        $Error.Count | Should -Be 0
        (Get-KustomerPageRequest).Count | Should -BeIn 1, 2   # of 26 pages
    }
}

Describe 'Get-HelpScoutCustomer -Email' {
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Connect-TestHelpScout
        Invoke-Simulator $sim '_sim/requests/clear'
    }

    It 'keeps only the exact address ''<Email>'' (ignoring case) and drops the contains-match elena@' -TestCases @(
        @{ Email = 'lena@tidewater.example' }
        @{ Email = 'LENA@Tidewater.Example' }
    ) {
        $errors = $null
        # Bare list items make the module read each record, so the requests show the near miss came back.
        Invoke-Simulator $sim '_sim/helpscout/list-items-embedded?value=false'

        $found = @(Get-HelpScoutCustomer -Email $Email -ErrorVariable errors)

        $errors | Should -BeNullOrEmpty
        $found.Id | Should -Be @($hsFull)
        $search = Get-HelpScoutPageRequest
        $search.Count | Should -Be 1
        Get-SentQuery $search[0] 'query' | Should -BeExactly "(email:""$Email"")"
        # The search did return the near miss (its record was read to see its addresses), yet it was dropped.
        (Get-HelpScoutRecordRequest).rawPath | Sort-Object | Should -Be @("/v2/customers/$hsFull", "/v2/customers/$hsNearMiss")
    }

    It 'writes CustomerNotFound for an address only contains-matches have, naming it, and finds the rest' {
        $errors = $null

        $found = Get-HelpScoutCustomer -Email 'ena@tidewater.example', 'ana@lima.example' -ErrorVariable errors -ErrorAction SilentlyContinue

        $found.Id | Should -Be $hsDashed
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeExactly 'CustomerNotFound,CustomerTools.Commands.GetHelpScoutCustomerCommand'
        $errors[0].TargetObject | Should -BeExactly 'ena@tidewater.example'
        $errors[0].Exception.Message | Should -Match 'only contains'
    }

    It 'binds -Email from Import-Csv rows by the EmailAddress alias, in file order' {
        $csv = Join-Path $TestDrive 'hs.csv'
        Set-Content $csv 'EmailAddress,Note', 'ana@lima.example,first', 'lena@tidewater.example,second'

        (Import-Csv $csv | Get-HelpScoutCustomer).Id | Should -Be @($hsDashed, $hsFull)
    }

    It 'gives InvalidEmail records and sends nothing for input that cannot be an address' {
        $errors = $null
        $bad = '', 'no-at-sign', "lena@tidewater.example`nX: 1"

        $found = Get-HelpScoutCustomer -Email $bad -ErrorVariable errors -ErrorAction SilentlyContinue

        $found | Should -BeNullOrEmpty
        $errors.FullyQualifiedErrorId | Should -Be (@('InvalidEmail,CustomerTools.Commands.GetHelpScoutCustomerCommand') * 3)
        $errors.TargetObject | Should -Be $bad
        Get-SimulatorRequest $sim | Should -BeNullOrEmpty
    }
}

Describe 'Get-HelpScoutCustomer filtered listing' {
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Connect-TestHelpScout
        Invoke-Simulator $sim '_sim/requests/clear'
    }

    It 'passes -Query to the service as given' {
        $query = '(firstName:"Ana" AND lastName:"Lima")'

        $found = Get-HelpScoutCustomer -Query $query

        $found.Id | Should -Be $hsDashed
        Get-SentQuery (Get-HelpScoutPageRequest)[0] 'query' | Should -BeExactly $query
    }

    It 'sends -FirstName, -LastName and -Mailbox as query parameters' {
        $found = Get-HelpScoutCustomer -FirstName Lena -LastName Okonkwo -Mailbox 101

        $found.Id | Should -Be $hsFull
        $list = (Get-HelpScoutPageRequest)[0]
        Get-SentQuery $list 'firstName' | Should -BeExactly 'Lena'
        Get-SentQuery $list 'lastName' | Should -BeExactly 'Okonkwo'
        Get-SentQuery $list 'mailbox' | Should -BeExactly '101'
    }

    It '-Mailbox alone lists that mailbox''s customers only' {
        (Get-HelpScoutCustomer -Mailbox 102).Id | Should -Be @($hsSparse, $hsDashed)
    }

    It '-ModifiedSince as text with an offset is sent in UTC, to the second' {
        $found = Get-HelpScoutCustomer -ModifiedSince '2025-03-01T10:00:00.750+02:00'

        Get-SentQuery (Get-HelpScoutPageRequest)[0] 'modifiedSince' | Should -BeExactly '2025-03-01T08:00:00Z'
        $found.Id | Should -Be $hsNearMiss   # Ana's 2025-03-01T00:00Z is before 08:00Z
    }

    It '-ModifiedSince as a local time in America/New_York (a child pwsh with TZ set) is sent in UTC' {
        $env:TZ = 'America/New_York'
        try {
            $child = & ([Environment]::ProcessPath) -NoProfile -NonInteractive -Command {
                param($ModulePath, $BaseUri, $AppId, $AppSecret)
                Import-Module $ModulePath
                Connect-HelpScout -ClientId $AppId -ClientSecret (ConvertTo-SecureString $AppSecret -AsPlainText -Force) -BaseUri $BaseUri
                $winter = Get-Date -Year 2025 -Month 3 -Day 1 -Hour 10 -Minute 0 -Second 0 -Millisecond 0
                $summer = Get-Date -Year 2025 -Month 3 -Day 31 -Hour 10 -Minute 0 -Second 0 -Millisecond 0
                [pscustomobject]@{
                    Zone         = [TimeZoneInfo]::Local.Id
                    WinterOffset = [TimeZoneInfo]::Local.GetUtcOffset($winter).TotalHours
                    SummerOffset = [TimeZoneInfo]::Local.GetUtcOffset($summer).TotalHours
                    Kind         = "$($winter.Kind)"
                    WinterIds    = @(Get-HelpScoutCustomer -ModifiedSince $winter | ForEach-Object Id)
                    SummerIds    = @(Get-HelpScoutCustomer -ModifiedSince $summer | ForEach-Object Id)
                }
            } -args $ModulePath, $sim.BaseUri, $HelpScoutAppId, $HelpScoutAppSecret
        }
        finally { Remove-Item env:TZ }

        $LASTEXITCODE | Should -Be 0
        # The child really ran in New York time, with local (not UTC) DateTime values.
        $child.Zone | Should -Be 'America/New_York'
        $child.WinterOffset | Should -Be -5
        $child.SummerOffset | Should -Be -4
        $child.Kind | Should -Be 'Local'
        (Get-HelpScoutPageRequest | ForEach-Object { Get-SentQuery $_ 'modifiedSince' }) |
            Should -BeExactly @('2025-03-01T15:00:00Z', '2025-03-31T14:00:00Z')
        @($child.WinterIds) | Should -Be @($hsNearMiss)
        @($child.SummerIds) | Should -Be @($hsNearMiss)
    }

    It '-ModifiedSince takes a Kustomer customer''s UpdatedAt (a DateTimeOffset with an offset) as that instant' {
        Connect-TestKustomer
        Add-SimulatorCustomer $sim Kustomer @{
            type = 'customer'; id = $twin
            attributes = @{ name = 'Offset Twin'; emails = @(@{ email = 'offset@twin.example' }); updatedAt = '2025-03-01T04:30:00.250+05:00' }
        }
        $since = (Get-KustomerCustomer -Email 'offset@twin.example').UpdatedAt
        $since | Should -BeOfType ([DateTimeOffset])

        $found = Get-HelpScoutCustomer -ModifiedSince $since

        Get-SentQuery (Get-HelpScoutPageRequest)[0] 'modifiedSince' | Should -BeExactly '2025-02-28T23:30:00Z'
        $found.Id | Should -Be @($hsDashed, $hsNearMiss)   # changed on 2025-03-01T00:00Z and 2025-04-04
    }

    It '-All pages lazily and returns every customer in order' {
        Invoke-Simulator $sim '_sim/helpscout/generate?count=120'

        $found = Get-HelpScoutCustomer -All

        $found.Id | Should -Be (Get-HelpScoutListIds 120)
        Get-HelpScoutPageRequest | ForEach-Object { Get-SentQuery $_ 'page' } | Should -Be @('1', '2', '3')
        Get-HelpScoutRecordRequest | Should -BeNullOrEmpty   # list items are full customers: no record is read
        $found[11].Email | Should -BeExactly 'hs7@example.test'
    }

    It '-All <Paging> over bare list items fetches <Pages> page(s) and only the records it returns' -TestCases @(
        @{ Paging = '-First 5'; Arguments = @{ First = 5 }; Skip = 0; Count = 5; Pages = 1 }
        @{ Paging = '-Skip 60 -First 3'; Arguments = @{ Skip = 60; First = 3 }; Skip = 60; Count = 3; Pages = 1 }
        @{ Paging = '-Skip 48 -First 4'; Arguments = @{ Skip = 48; First = 4 }; Skip = 48; Count = 4; Pages = 2 }
    ) {
        Invoke-Simulator $sim '_sim/helpscout/generate?count=120'
        Invoke-Simulator $sim '_sim/helpscout/list-items-embedded?value=false'

        $found = Get-HelpScoutCustomer -All @Arguments

        $found.Id | Should -Be (Get-HelpScoutListIds 120 | Select-Object -Skip $Skip -First $Count)
        (Get-HelpScoutPageRequest).Count | Should -Be $Pages
        (Get-HelpScoutRecordRequest).rawPath | Sort-Object | Should -Be ($found.Id | ForEach-Object { "/v2/customers/$_" } | Sort-Object)
    }
}

Describe 'Two Kustomer connections in one pipeline' {
    BeforeAll {
        $otherOrg = Start-ApiSimulator
    }
    AfterAll {
        Stop-ApiSimulator $otherOrg
    }
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Invoke-Simulator $otherOrg '_sim/reset'
        Invoke-Simulator $otherOrg '_sim/kustomer/clear'
        Add-SimulatorCustomer $otherOrg Kustomer @{ type = 'customer'; id = $full; attributes = @{ name = 'Priya in the EU org' } }
    }

    It 'reads each org through its own -Connection, and the session''s default connection is untouched' {
        $us = Connect-TestKustomer -PassThru
        $eu = Connect-TestKustomer -PassThru -BaseUri $otherOrg.BaseUri
        $default = Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -Region IN -PassThru

        $names = Get-KustomerCustomer -Id $full -Connection $us | Get-KustomerCustomer -Connection $eu | ForEach-Object Name
        $sparseName = (Get-KustomerCustomer -Id $sparse -Connection $us).DisplayName

        $names | Should -Be 'Priya in the EU org'
        $sparseName | Should -Be 'ann'
        Get-KustomerConnection | Should -Be $default
        (Get-KustomerConnection).BaseUri | Should -Be ([uri]'https://api.prod4.kustomerapp.com/')
        (Get-SimulatorRequest $sim).rawPath | Should -Be @("/v1/customers/$full", "/v1/customers/$sparse")
        (Get-SimulatorRequest $otherOrg).rawPath | Should -Be @("/v1/customers/$full")
    }
}

Describe 'One service''s customers piped into the other' {
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Connect-TestKustomer
        Connect-TestHelpScout
        Add-SimulatorCustomer $sim Kustomer @{ type = 'customer'; id = $twin; attributes = @{ name = 'Lena Okonkwo'; emails = @(@{ email = 'lena@tidewater.example' }) } }
        Add-SimulatorCustomer $sim HelpScout '{"id": 4150299, "firstName": "Priya", "lastName": "Raman", "_embedded": {"emails": [{"id": 1, "value": "priya@northwind.example", "type": "work"}]}}'
        Invoke-Simulator $sim '_sim/requests/clear'
    }

    It 'looks Help Scout customers up in Kustomer by email, never by their Help Scout id' {
        $errors = $null

        $found = @(Get-HelpScoutCustomer -Email 'lena@tidewater.example' | Get-KustomerCustomer -ErrorVariable errors)

        $errors | Should -BeNullOrEmpty
        $found.Id | Should -Be @($twin)
        $kustomer = @(Get-SimulatorRequest $sim '/v1/*')
        $kustomer.rawPath | Should -Be @('/v1/customers/email=lena%40tidewater.example')
        ($kustomer.rawTarget -join "`n") | Should -Not -Match "$hsFull"
    }

    It 'looks Kustomer customers up in Help Scout by email, never by their Kustomer id' {
        $errors = $null

        $found = @(Get-KustomerCustomer -Id $full | Get-HelpScoutCustomer -ErrorVariable errors)

        $errors | Should -BeNullOrEmpty
        $found.Id | Should -Be @(4150299)
        $helpScout = @(Get-SimulatorRequest $sim '/v2/*')
        Get-SentQuery (Get-HelpScoutPageRequest)[0] 'query' | Should -BeExactly '(email:"priya@northwind.example")'
        $helpScout.Count | Should -BeGreaterThan 0
        ($helpScout.rawTarget -join "`n") | Should -Not -Match $full
    }

    It 'turns a Help Scout customer without an email into InvalidEmail, sending Kustomer nothing' {
        $errors = $null

        $found = Get-HelpScoutCustomer -Id $hsSparse | Get-KustomerCustomer -ErrorVariable errors -ErrorAction SilentlyContinue

        $found | Should -BeNullOrEmpty
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidEmail,*'
        Get-SimulatorRequest $sim '/v1/*' | Should -BeNullOrEmpty
    }
}

Describe 'Found customers in Export-Csv and ConvertTo-Json' {
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Connect-TestKustomer
        Connect-TestHelpScout
    }

    It 'Export-Csv of found Kustomer customers gives readable text columns' {
        Add-SimulatorCustomer $sim Kustomer @{
            type = 'customer'; id = $twin
            attributes = @{
                name = 'Two Addresses'; updatedAt = '2025-03-01T04:30:00.250+05:00'
                emails = @(@{ email = 'first@two.example'; type = 'work' }, @{ email = 'second@two.example'; type = 'home' })
                phones = @(@{ phone = '+14155550100' }, @{ phone = '+14155550101' })
                externalIds = @(@{ externalId = 'ext-a' }, @{ externalId = 'ext-b' })
            }
        }
        $csv = Join-Path $TestDrive 'kustomer.csv'

        Get-KustomerCustomer -Email 'first@two.example', 'priya@northwind.example' | Export-Csv $csv -NoTypeInformation
        $rows = @(Import-Csv $csv)

        $rows.Id | Should -Be @($twin, $full)
        $rows.Name | Should -Be @('Two Addresses', 'Priya Raman')
        $rows.Email | Should -Be @('first@two.example', 'priya@northwind.example')
        $rows[0].Emails | Should -BeExactly 'first@two.example; second@two.example'
        $rows[0].Phones | Should -BeExactly '+14155550100; +14155550101'
        $rows[0].ExternalIds | Should -BeExactly 'ext-a; ext-b'
        $rows[1].Emails | Should -BeExactly 'priya@northwind.example'
        # UpdatedAt is text that reads back as the same instant (the text keeps whole seconds).
        [DateTimeOffset]::Parse($rows[0].UpdatedAt) | Should -Be ([DateTimeOffset]'2025-03-01T04:30:00+05:00')
        [DateTimeOffset]::Parse($rows[1].UpdatedAt) | Should -Be ([DateTimeOffset]'2025-05-02T16:45:12Z')
        # No cell shows a .NET type name (Tags is left out: see the report; it shows System.String[]).
        foreach ($row in $rows) {
            foreach ($cell in $row.PSObject.Properties | Where-Object Name -NE 'Tags') {
                $cell.Value | Should -Not -Match '^(System|CustomerTools)\.' -Because "column $($cell.Name) should be readable"
            }
        }
    }

    It 'Export-Csv of a found Help Scout customer gives readable text columns' {
        $csv = Join-Path $TestDrive 'helpscout.csv'

        Get-HelpScoutCustomer -Email 'lena@tidewater.example' | Export-Csv $csv -NoTypeInformation
        $rows = @(Import-Csv $csv)

        $rows.Count | Should -Be 1
        $rows[0].Id | Should -Be "$hsFull"
        $rows[0].Name | Should -BeExactly 'Lena Okonkwo'
        $rows[0].Email | Should -BeExactly 'lena@tidewater.example'
        $rows[0].Emails | Should -BeExactly 'lena@tidewater.example; lena.o@mail.example'
        [DateTimeOffset]::Parse($rows[0].UpdatedAt) | Should -Be ([DateTimeOffset]'2025-02-11T17:04:58Z')
        foreach ($cell in $rows[0].PSObject.Properties) {
            $cell.Value | Should -Not -Match '^(System|CustomerTools)\.' -Because "column $($cell.Name) should be readable"
        }
    }

    It 'ConvertTo-Json -Depth 4 of a Kustomer customer has the flat primary fields' {
        $json = Get-KustomerCustomer -Email 'priya@northwind.example' | ConvertTo-Json -Depth 4
        $back = $json | ConvertFrom-Json -DateKind String

        $back.Id | Should -BeExactly $full
        $back.Name | Should -BeExactly 'Priya Raman'
        $back.Email | Should -BeExactly 'priya@northwind.example'
        $back.Phone | Should -BeExactly '+442071838750'
        $back.ExternalId | Should -BeExactly 'acct-20931'
        $back.UpdatedAt | Should -BeExactly '2025-05-02T16:45:12.001+00:00'
        $back.Emails[0].Email | Should -BeExactly 'priya@northwind.example'
        $back.Emails[0].Verified | Should -BeTrue
        $back.ConversationCounts.All | Should -Be 9
        $back.Custom.tierStr | Should -BeExactly 'gold'
        $json | Should -Not -Match 'ValueKind|System\.'
    }

    It 'ConvertTo-Json -Depth 4 of a Help Scout customer has the flat primary fields' {
        $json = Get-HelpScoutCustomer -Email 'lena@tidewater.example' | ConvertTo-Json -Depth 4
        $back = $json | ConvertFrom-Json -DateKind String

        $back.Id | Should -Be $hsFull
        $back.Name | Should -BeExactly 'Lena Okonkwo'
        $back.Email | Should -BeExactly 'lena@tidewater.example'
        $back.UpdatedAt | Should -BeExactly '2025-02-11T17:04:58+00:00'
        $back.Emails.Value | Should -Be @('lena@tidewater.example', 'lena.o@mail.example')
        $back.Address.City | Should -BeExactly 'Lagos'
        $json | Should -Not -Match 'ValueKind|System\.'
    }
}
