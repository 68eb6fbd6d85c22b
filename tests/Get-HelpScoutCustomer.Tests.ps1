#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-HelpScoutCustomer as a user runs it: by id, by exact -Email (also from CSV rows and from
# Kustomer customers), filtered and whole listings, what changed with -ModifiedSince, the renewal
# of an expiring token, and the input it sends as given. The built module against the API simulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $full = $Fixtures.helpScout.fullId          # Lena Okonkwo, lena@tidewater.example (mailbox 101)
    $sparse = $Fixtures.helpScout.sparseId      # Sam, no emails (mailbox 102)
    $dashed = $Fixtures.helpScout.dashedId      # Ana Lima, ana@lima.example (mailbox 102)
    $nearMiss = $Fixtures.helpScout.nearMissId  # elena@tidewater.example, contains Lena's address (mailbox 101)
    $fixtureIds = @($full, $sparse, $dashed, $nearMiss)
    $kustomerFull = $Fixtures.kustomer.fullId   # Kustomer: Priya Raman, priya@northwind.example
    $twin = '0123456789abcdef01234567'          # a Kustomer customer the tests add themselves
    $origin = [DateTimeOffset]'2025-01-01T00:00:00Z'   # the start of the simulator's timeline

    function Get-TokenRequestCount { (Invoke-Simulator $sim '_sim/helpscout/tokens' -Method GET).requests }
    function Connect-TestApp {
        Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri
    }
    function Connect-TestKustomer {
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
    }

    # Help Scout's list requests (/v2/customers?…) and single-customer requests (/v2/customers/<id>).
    function Get-HelpScoutPageRequest { @(Get-SimulatorRequest $sim '/v2/customers') }
    function Get-HelpScoutRecordRequest { @(Get-SimulatorRequest $sim '/v2/customers/*') }

    # Every customer after `_sim/helpscout/generate?count=$Generated`, in list order.
    function Get-HelpScoutListIds([int] $Generated) {
        $fixtureIds + @(0..($Generated - 1) | ForEach-Object { [long] (5000000 + $_) })
    }
}

AfterAll {
    Disconnect-Kustomer
    Disconnect-HelpScout
    Stop-ApiSimulator $sim
}

Describe 'Get-HelpScoutCustomer -Id' {
    BeforeEach { Invoke-Simulator $sim '_sim/reset'; Connect-TestApp }

    It 'maps every property of the full fixture' {
        $c = Get-HelpScoutCustomer -Id $full
        $c | Should -BeOfType ([CustomerTools.HelpScout.HelpScoutCustomer])
        $c.Id | Should -Be $full
        $c.FirstName, $c.LastName, $c.Name | Should -Be @('Lena', 'Okonkwo', 'Lena Okonkwo')
        $c.Email | Should -Be 'lena@tidewater.example'
        $c.Emails | ForEach-Object { '{0} {1} {2}' -f $_.Id, $_.Value, $_.Type } | Should -Be @('9001 lena@tidewater.example work', '9002 lena.o@mail.example home')
        foreach ($entries in 'Phones', 'Chats', 'SocialProfiles', 'Websites') { @($c.$entries).Count | Should -Be 1 -Because "the fixture has one of $entries" }
        $c.Phones[0].Id, $c.Phones[0].Value, $c.Phones[0].Type | Should -Be @(9101, '+2348012345678', 'mobile')
        $c.Chats[0].Id, $c.Chats[0].Value, $c.Chats[0].Type | Should -Be @(9201, 'lena.okonkwo', 'skype')
        $c.SocialProfiles[0].Id, $c.SocialProfiles[0].Value, $c.SocialProfiles[0].Type | Should -Be @(9301, 'https://linkedin.com/in/lenao', 'linkedin')
        $c.Websites[0].Id, $c.Websites[0].Value, $c.Websites[0].Type | Should -Be @(9401, 'https://tidewater.example', $null)
        $c.Properties.Count | Should -Be 2
        $plan, $seats = $c.Properties
        $plan.Slug, $plan.Name, $plan.Type, $plan.Value, $plan.Text, $plan.Source | Should -Be @('plan', 'Plan', 'dropdown', '4412', 'Pro (annual)', 'api')
        $seats.Slug, $seats.Name, $seats.Type, $seats.Value, $seats.Text, $seats.Source | Should -Be @('seats', 'Seats', 'number', $null, $null, $null)
        $c.Address.City, $c.Address.State, $c.Address.PostalCode, $c.Address.Country | Should -Be @('Lagos', $null, '101241', 'NG')
        $c.Address.Lines | Should -Be @('12 Marina Rd', 'Floor 3')
        $c.Gender | Should -Be 'female'
        $c.JobTitle | Should -Be 'Head of Support'
        $c.Location | Should -Be 'Lagos, Nigeria'
        $c.Organization | Should -Be 'Tidewater Labs'
        $c.OrganizationId | Should -Be 88231
        $c.PhotoType | Should -Be 'gravatar'
        $c.PhotoUrl | Should -Be 'https://gravatar.example/a/91c2.png'
        $c.Age | Should -Be '35-40'
        $c.Background | Should -Be 'Prefers email.'
        $c.Draft | Should -BeFalse
        $c.CreatedAt | Should -Be ([DateTimeOffset]'2021-06-01T09:30:00Z')
        $c.UpdatedAt | Should -Be ([DateTimeOffset]'2025-02-11T17:04:58Z')
    }

    It 'gives empty collections and nulls for a record without _embedded' {
        $c = Get-HelpScoutCustomer -Id $sparse
        $c.FirstName, $c.LastName, $c.Name | Should -Be @('Sam', $null, 'Sam')
        $c.Email | Should -BeNullOrEmpty
        foreach ($entries in 'Emails', 'Phones', 'Chats', 'SocialProfiles', 'Websites', 'Properties') { @($c.$entries).Count | Should -Be 0 -Because "$entries should be empty" }
        $c.Address, $c.OrganizationId, $c.Age, $c.UpdatedAt | Should -Be @($null, $null, $null, $null)
        $c.Draft | Should -BeTrue
    }

    It 'reads the social-profiles spelling, a numeric age and string flags too' {
        $c = Get-HelpScoutCustomer -Id $dashed
        @($c.SocialProfiles).Count | Should -Be 1
        $c.SocialProfiles[0].Id, $c.SocialProfiles[0].Value, $c.SocialProfiles[0].Type | Should -Be @(9311, 'https://x.com/analima', 'twitter')
        $c.Age | Should -BeExactly '52'
        $c.Gender | Should -Be 'Male'
        $c.Draft | Should -BeFalse
        @($c.Phones).Count | Should -Be 0
    }

    It 'binds ids by value (number or text), by property name and by the CustomerId alias, in order' {
        $errors = $null
        $found = @(
            $full, "$sparse" | Get-HelpScoutCustomer -ErrorVariable +errors
            [pscustomobject]@{ Id = $dashed }, [pscustomobject]@{ CustomerId = $full } | Get-HelpScoutCustomer -ErrorVariable +errors
        )
        $found.Id | Should -Be @($full, $sparse, $dashed, $full)
        $errors | Should -BeNullOrEmpty
    }

    It 'reads a Help Scout customer piped in again by its id, not its email' {
        Invoke-Simulator $sim '_sim/requests/clear'
        (Get-HelpScoutCustomer -Id $full | Get-HelpScoutCustomer).Id | Should -Be $full
        (Get-SimulatorRequest $sim '/v2/*').rawPath | Should -Be @("/v2/customers/$full", "/v2/customers/$full")
    }

    It 'writes one CustomerNotFound for a 404 in the middle and keeps the rest in order' {
        $errors = $null
        $found = $full, 999, $sparse | Get-HelpScoutCustomer -ErrorVariable errors -ErrorAction SilentlyContinue
        $found.Id | Should -Be @($full, $sparse)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'CustomerNotFound,CustomerTools.Commands.GetHelpScoutCustomerCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be 999
        $errors[0].Exception.Message | Should -Match 'Resource not found'
    }

    It 'refuses the id <Bad>, which cannot exist, with InvalidCustomerId and sends nothing for it' -TestCases @(
        @{ Bad = 0 }
        @{ Bad = -5 }
    ) {
        Invoke-Simulator $sim '_sim/requests/clear'
        $errors = $null
        $found = $full, $Bad | Get-HelpScoutCustomer -ErrorVariable errors -ErrorAction SilentlyContinue
        $found.Id | Should -Be @($full)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCustomerId,*'
        $errors[0].TargetObject | Should -Be $Bad
        (Get-HelpScoutRecordRequest).rawPath | Should -Be @("/v2/customers/$full")
    }

    It 'passes the vnd.error message, field errors and logRef of a 400 on to the user, and goes on' {
        Invoke-Simulator $sim '_sim/script' -Body @{
            pathContains = "/v2/customers/$full"; status = 400; contentType = 'application/vnd.error+json'
            body         = '{"logRef":"64bb72b4-0a92-11e8-ba89-0ed5f89f718b#7","message":"Bad request","_embedded":{"errors":[{"path":"modifiedSince","message":"Malformed date","rejectedValue":"2025-13-01","_links":{"about":{"href":"https://developer.helpscout.com/errors#MalformedDate"}}}]}}'
        }
        $errors = $null
        $found = $full, $sparse | Get-HelpScoutCustomer -ErrorVariable errors -ErrorAction SilentlyContinue
        $found.Id | Should -Be @($sparse)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRequest,*'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].Exception.Message | Should -BeLike "*Bad request; modifiedSince: Malformed date (rejected '2025-13-01')*"
        $errors[0].Exception.Message | Should -BeLike '*logRef 64bb72b4-0a92-11e8-ba89-0ed5f89f718b#7*'
    }

    It 'stops the pipeline on 403 with AccessDenied in the service''s words' {
        Invoke-Simulator $sim '_sim/script' -Body @{
            pathContains = '/v2/customers/'; status = 403; contentType = 'application/vnd.error+json'; body = '{"message":"API access is disabled for this account"}'
        }
        { $full, $sparse | Get-HelpScoutCustomer } |
            Should -Throw -ErrorId 'AccessDenied,CustomerTools.Commands.GetHelpScoutCustomerCommand' -ExpectedMessage '*API access is disabled*'
    }

    It 'renews a token that expires mid-pipeline once, says so on -Verbose, and the pipeline completes' {
        $before = Get-TokenRequestCount
        $all = $full, $sparse, $dashed, $nearMiss | ForEach-Object {
            if ($_ -eq $dashed) { $null = Invoke-Simulator $sim '_sim/helpscout/expire-tokens' }
            $_
        } | Get-HelpScoutCustomer -ThrottleLimit 1 -Verbose 4>&1 2>&1
        @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty
        @($all | Where-Object { $_ -is [CustomerTools.HelpScout.HelpScoutCustomer] }).Id | Should -Be @($full, $sparse, $dashed, $nearMiss)
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*refused the access token (401)*' }) | Should -Not -BeNullOrEmpty
        (Get-TokenRequestCount) - $before | Should -Be 1
    }
}

Describe 'Get-HelpScoutCustomer -Email' {
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Connect-TestApp
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
        $found.Id | Should -Be @($full)
        $search = Get-HelpScoutPageRequest
        $search.Count | Should -Be 1
        Get-SentQuery $search[0] 'query' | Should -BeExactly "(email:""$Email"")"
        # The search did return the near miss (its record was read to see its addresses), yet it was dropped.
        (Get-HelpScoutRecordRequest).rawPath | Sort-Object | Should -Be @("/v2/customers/$full", "/v2/customers/$nearMiss")
    }

    It 'writes CustomerNotFound for an address only contains-matches have, naming it, and finds the rest' {
        $errors = $null

        $found = Get-HelpScoutCustomer -Email 'ena@tidewater.example', 'ana@lima.example' -ErrorVariable errors -ErrorAction SilentlyContinue

        $found.Id | Should -Be $dashed
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeExactly 'CustomerNotFound,CustomerTools.Commands.GetHelpScoutCustomerCommand'
        $errors[0].TargetObject | Should -BeExactly 'ena@tidewater.example'
        $errors[0].Exception.Message | Should -BeLike '*2 whose email only contains it*'
    }

    It 'reads no record when the list items carry their emails' {
        (Get-HelpScoutCustomer -Email 'lena@tidewater.example').Id | Should -Be @($full)
        Get-HelpScoutRecordRequest | Should -BeNullOrEmpty
    }

    It 'binds -Email from Import-Csv rows by the EmailAddress alias, in file order' {
        $csv = Join-Path $TestDrive 'hs.csv'
        Set-Content $csv 'EmailAddress,Note', 'ana@lima.example,first', 'lena@tidewater.example,second'

        (Import-Csv $csv | Get-HelpScoutCustomer).Id | Should -Be @($dashed, $full)
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
        Connect-TestApp
        Invoke-Simulator $sim '_sim/requests/clear'
    }

    It 'ends quietly when nothing matches' {
        $errors = $null
        Get-HelpScoutCustomer -FirstName Nobody -ErrorVariable errors | Should -BeNullOrEmpty
        $errors | Should -BeNullOrEmpty
    }

    It 'refuses a listing without a filter unless -All is given, sending nothing' {
        { Get-HelpScoutCustomer -All:$false } | Should -Throw -ErrorId 'FilterOrAllRequired,CustomerTools.Commands.GetHelpScoutCustomerCommand'
        Get-SimulatorRequest $sim | Should -BeNullOrEmpty
    }

    It 'passes -Query to the service as given' {
        $query = '(firstName:"Ana" AND lastName:"Lima")'

        $found = Get-HelpScoutCustomer -Query $query

        $found.Id | Should -Be $dashed
        Get-SentQuery (Get-HelpScoutPageRequest)[0] 'query' | Should -BeExactly $query
    }

    It 'sends -FirstName, -LastName and -Mailbox as query parameters' {
        $found = Get-HelpScoutCustomer -FirstName Lena -LastName Okonkwo -Mailbox 101

        $found.Id | Should -Be $full
        $list = (Get-HelpScoutPageRequest)[0]
        Get-SentQuery $list 'firstName' | Should -BeExactly 'Lena'
        Get-SentQuery $list 'lastName' | Should -BeExactly 'Okonkwo'
        Get-SentQuery $list 'mailbox' | Should -BeExactly '101'
        Get-SentQuery $list 'page' | Should -BeExactly '1'
    }

    It '-Mailbox alone lists that mailbox''s customers only' {
        (Get-HelpScoutCustomer -Mailbox 102).Id | Should -Be @($sparse, $dashed)
    }

    It '-ModifiedSince as text with an offset is sent in UTC, to the second' {
        $found = Get-HelpScoutCustomer -ModifiedSince '2025-03-01T10:00:00.750+02:00'

        Get-SentQuery (Get-HelpScoutPageRequest)[0] 'modifiedSince' | Should -BeExactly '2025-03-01T08:00:00Z'
        $found.Id | Should -Be $nearMiss   # Ana's 2025-03-01T00:00Z is before 08:00Z
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
        @($child.WinterIds) | Should -Be @($nearMiss)
        @($child.SummerIds) | Should -Be @($nearMiss)
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
        $found.Id | Should -Be @($dashed, $nearMiss)   # changed on 2025-03-01T00:00Z and 2025-04-04
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
        @{ Paging = 'alone'; Arguments = @{}; Skip = 0; Count = 124; Pages = 3 }
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

Describe 'Get-HelpScoutCustomer -ModifiedSince' {
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Invoke-Simulator $sim '_sim/helpscout/clear'
        Invoke-Simulator $sim '_sim/helpscout/timeline?count=400&stepMs=60000'
        Connect-TestApp
        Invoke-Simulator $sim '_sim/requests/clear'
    }

    It 'lists the changes oldest first (<Parameter>), sorted by modifiedAt ascending' -TestCases @(
        @{ Parameter = 'ModifiedSince' }
        @{ Parameter = 'UpdatedSince' }
    ) {
        $since = $origin.AddMinutes(280)
        $filter = @{ $Parameter = $since }
        $errors = $null
        $found = Get-HelpScoutCustomer @filter -ErrorVariable errors
        $errors | Should -BeNullOrEmpty
        $found.Count | Should -Be 120   # of 400, one a minute from the origin
        for ($i = 1; $i -lt $found.Count; $i++) { $found[$i].UpdatedAt | Should -BeGreaterThan $found[$i - 1].UpdatedAt }
        $found[0].UpdatedAt | Should -BeGreaterOrEqual $since
        $list = (Get-HelpScoutPageRequest)[0]
        Get-SentQuery $list 'sortField' | Should -BeExactly 'modifiedAt'
        Get-SentQuery $list 'sortOrder' | Should -BeExactly 'asc'
        Get-SentQuery $list 'modifiedSince' | Should -BeExactly $since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")
    }

    It 'keeps the service''s own order without it' {
        $null = Get-HelpScoutCustomer -All -First 1
        $list = @(Get-HelpScoutPageRequest)
        $list.Count | Should -Be 1
        Get-SentQuery $list[0] 'sortField' | Should -BeNullOrEmpty
        Get-SentQuery $list[0] 'sortOrder' | Should -BeNullOrEmpty
    }

    It 'writes each change once, as listed when nothing moves, when the pages shift' {
        $since = $origin.AddMinutes(200)
        $still = (Get-HelpScoutCustomer -ModifiedSince $since).Id
        $still.Count | Should -Be 200
        Invoke-Simulator $sim '_sim/helpscout/list-shift?afterPages=1&insert=2'
        $found = Get-HelpScoutCustomer -ModifiedSince $since
        (Invoke-Simulator $sim -Method GET -Path '_sim/helpscout/shifts').listShiftFired | Should -BeTrue
        $found.Id | Should -HaveCount ($found.Id | Sort-Object -Unique).Count
        # The customers the shift added in front (ids below the generated ones) come too; the rest as before.
        $found.Id | Where-Object { $_ -ge 5000000 } | Should -Be $still
    }
}

Describe 'Kustomer customers piped in' {
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Connect-TestKustomer
        Connect-TestApp
        Add-SimulatorCustomer $sim HelpScout '{"id": 4150299, "firstName": "Priya", "lastName": "Raman", "_embedded": {"emails": [{"id": 1, "value": "priya@northwind.example", "type": "work"}]}}'
        Invoke-Simulator $sim '_sim/requests/clear'
    }

    It 'looks Kustomer customers up in Help Scout by email, never by their Kustomer id' {
        $errors = $null

        $found = @(Get-KustomerCustomer -Id $kustomerFull | Get-HelpScoutCustomer -ErrorVariable errors)

        $errors | Should -BeNullOrEmpty
        $found.Id | Should -Be @(4150299)
        $helpScout = @(Get-SimulatorRequest $sim '/v2/*')
        Get-SentQuery (Get-HelpScoutPageRequest)[0] 'query' | Should -BeExactly '(email:"priya@northwind.example")'
        $helpScout.Count | Should -BeGreaterThan 0
        ($helpScout.rawTarget -join "`n") | Should -Not -Match $kustomerFull
    }
}
