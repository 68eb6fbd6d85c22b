#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-KustomerCustomer as a user runs it: by id, by email, phone and external id (also from CSV
# rows and from Help Scout customers), every customer with -All, what changed with -UpdatedSince
# (judged against the simulator's own account of which customers changed), several connections
# side by side, and the input it refuses. The built module against the API simulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $full = $Fixtures.kustomer.fullId       # Priya Raman, priya@northwind.example
    $sparse = $Fixtures.kustomer.sparseId   # ann@sparse.example
    $missing = '64b7f0c2e4a1d3b5c6a7e8aa'
    $twin = '0123456789abcdef01234567'      # a customer the tests add themselves
    $hsFull = $Fixtures.helpScout.fullId    # Help Scout: Lena Okonkwo, lena@tidewater.example
    $hsSparse = $Fixtures.helpScout.sparseId  # Help Scout: Sam, no emails
    $origin = [DateTimeOffset]'2025-01-01T00:00:00Z'   # the start of the simulator's timeline
    $org = 2000                                          # customers on it

    function Connect-TestKustomer([switch] $PassThru, [string] $BaseUri = $sim.BaseUri) {
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $BaseUri -PassThru:$PassThru
    }

    # Kustomer's list requests (/v1/customers?page=…), in the order they arrived.
    function Get-KustomerPageRequest { @(Get-SimulatorRequest $sim '/v1/customers') }

    # Every customer after `_sim/kustomer/generate?count=$Generated`, in list order.
    function Get-KustomerListIds([int] $Generated) {
        @($full, $sparse) + @(0..($Generated - 1) | ForEach-Object { 'aa00' + $_.ToString('x20') })
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
}

AfterAll {
    Disconnect-Kustomer
    Disconnect-HelpScout
    Stop-ApiSimulator $sim
}

Describe 'Get-KustomerCustomer -Id' {
    BeforeAll { Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri }
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'maps every property of the full fixture' {
        $c = Get-KustomerCustomer -Id $full
        $c | Should -BeOfType ([CustomerTools.Kustomer.KustomerCustomer])
        $c.Id | Should -BeExactly $full
        $c.Name | Should -Be 'Priya Raman'
        $c.DisplayName | Should -Be 'Priya Raman'
        $c.Email | Should -Be 'priya@northwind.example'
        $c.Emails.Count | Should -Be 1
        $c.Emails[0].Email, $c.Emails[0].Type, $c.Emails[0].Verified | Should -Be @('priya@northwind.example', 'work', $true)
        $c.Phone | Should -Be '+442071838750'
        $c.Phones.Count | Should -Be 1
        $c.Phones[0].Phone, $c.Phones[0].Type, $c.Phones[0].Verified | Should -Be @('+442071838750', 'mobile', $false)
        $c.ExternalId | Should -Be 'acct-20931'
        $c.ExternalIds.Count | Should -Be 1
        $c.ExternalIds[0].ExternalId, $c.ExternalIds[0].Verified | Should -Be @('acct-20931', $true)
        $c.Tags | Should -Be @('5f0c1a2b3c4d5e6f7a8b9c0d')
        $c.Locale | Should -Be 'en_GB'
        $c.TimeZone | Should -Be 'Europe/London'
        $c.Gender, $c.AvatarUrl, $c.Username, $c.BirthdayAt | Should -Be @($null, $null, $null, $null)
        $c.Verified | Should -BeTrue
        $c.CreatedAt | Should -Be ([DateTimeOffset]'2023-02-14T10:20:30.456Z')
        $c.UpdatedAt | Should -Be ([DateTimeOffset]'2025-05-02T16:45:12.001Z')
        $c.ModifiedAt | Should -Be ([DateTimeOffset]'2025-05-02T16:45:12.001Z')
        $c.SignedUpAt | Should -Be ([DateTimeOffset]'2023-02-14T10:20:30.456Z')
        $c.LastSeenAt | Should -Be ([DateTimeOffset]'2025-05-01T08:00:00Z')
        $c.LastActivityAt | Should -Be ([DateTimeOffset]'2025-05-02T16:45:11.870Z')
        $c.LastCustomerActivityAt | Should -Be ([DateTimeOffset]'2025-05-01T08:02:44.120Z')
        $c.ConversationCounts.All, $c.ConversationCounts.Open, $c.ConversationCounts.Snoozed, $c.ConversationCounts.Done | Should -Be @(9, 1, 0, 8)
        $c.Sentiment.Polarity, $c.Sentiment.Confidence | Should -Be @(1.0, 0.66)
        $c.Presence | Should -Be 'offline'
        $c.ProgressiveStatus | Should -Be 'open'
        $c.Rev | Should -Be 12
    }

    It 'gives custom attributes as plain values, by name, in the service''s order' {
        $custom = (Get-KustomerCustomer -Id $full).Custom
        $custom.tierStr | Should -BeExactly 'gold'
        $custom.seatsNum | Should -Be 40
        $custom.seatsNum | Should -BeOfType ([long])
        $custom.vipBool | Should -BeTrue
        $custom.renewalAt | Should -BeNullOrEmpty
        $custom.contractAt | Should -Be ([DateTimeOffset]'2026-01-31T00:00:00Z')
        $custom.contractAt | Should -BeOfType ([DateTimeOffset])
        $custom.scoreNum | Should -Be 4.5
        $custom.PSObject.Properties.Name | Should -Be @('tierStr', 'seatsNum', 'renewalAt', 'vipBool', 'contractAt', 'scoreNum')
        $custom.PSObject.Properties | Where-Object { $_.Value -and $_.Value.GetType().Namespace -like 'System.Text.Json*' } | Should -BeNullOrEmpty
    }

    It 'gives empty collections and nulls for the sparse fixture, and string flags as booleans' {
        $c = Get-KustomerCustomer -Id $sparse
        $c.Id | Should -BeExactly $sparse
        $c.Name | Should -BeNullOrEmpty
        $c.DisplayName | Should -Be 'ann'
        $c.Email | Should -Be 'ann@sparse.example'
        $c.Emails.Count | Should -Be 1
        $c.Emails[0].Verified | Should -BeTrue
        $c.Emails[0].Type | Should -BeNullOrEmpty
        $c.Phones.Count | Should -Be 0
        $c.Phone | Should -BeNullOrEmpty
        $c.ExternalIds.Count | Should -Be 0
        $c.ExternalId | Should -BeNullOrEmpty
        $c.Tags.Count | Should -Be 0
        $c.Verified | Should -BeFalse
        $c.Rev | Should -Be 1
        $c.CreatedAt | Should -Be ([DateTimeOffset]'2025-06-01T09:00:00Z')
        $c.UpdatedAt, $c.LastSeenAt, $c.ConversationCounts, $c.Sentiment | Should -Be @($null, $null, $null, $null)
        @($c.Custom.PSObject.Properties).Count | Should -Be 0
    }

    It 'binds ids by value, by property name, by the CustomerId alias and by position' {
        $errors = $null
        $ids = @(
            $full | Get-KustomerCustomer -ErrorVariable +errors
            [pscustomobject]@{ Id = $sparse } | Get-KustomerCustomer -ErrorVariable +errors
            [pscustomobject]@{ CustomerId = $full } | Get-KustomerCustomer -ErrorVariable +errors
            Get-KustomerCustomer $sparse -ErrorVariable +errors
        ).Id
        $ids | Should -Be @($full, $sparse, $full, $sparse)
        $errors | Should -BeNullOrEmpty
    }

    It 'reads a Kustomer customer piped in again by its id, not its email' {
        (Get-KustomerCustomer -Id $full | Get-KustomerCustomer).Id | Should -Be $full
        (Get-SimulatorRequest $sim).rawPath | Should -Be @("/v1/customers/$full", "/v1/customers/$full")
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
        $errors[0].Exception.Message | Should -BeLike "*$missing*"
        $errors[0].Exception.Message | Should -BeLike '*Not Found*'
    }

    It 'never sends a malformed id (<Label>): InvalidCustomerId, and the ids around it are found' -TestCases @(
        @{ Label = 'not hex'; Bad = { 'not-an-id' } }
        @{ Label = 'one digit short'; Bad = { $full.Substring(0, 23) } }
        @{ Label = 'a trailing newline'; Bad = { "$full`n" } }
        @{ Label = 'a path of the right length'; Bad = { '../' + $full.Substring(0, 21) } }
        @{ Label = 'empty'; Bad = { '' } }
        @{ Label = 'an id with / and ..'; Bad = { "$full/../../v1/orgs" } }
        @{ Label = 'only / and ..'; Bad = { '/../../v1/orgs' } }
        @{ Label = '..'; Bad = { '..' } }
        @{ Label = 'an id with %2F'; Bad = { "$full%2F..%2Fadmin" } }
        @{ Label = 'an id with ?'; Bad = { "$full?pageSize=1000" } }
        @{ Label = 'only ?'; Bad = { '?pageSize=1000' } }
        @{ Label = 'an id with CR/LF'; Bad = { "$full`r`nX-Injected: yes" } }
        @{ Label = 'an id with #'; Bad = { "$full#fragment" } }
        @{ Label = 'an id with NUL'; Bad = { "$full`0byte" } }
        @{ Label = 'an id and 3000 characters'; Bad = { $full + ('z' * 3000) } }
    ) {
        $badId = & $Bad
        $errors = $null
        $found = $full, $badId, $sparse | Get-KustomerCustomer -ErrorVariable errors -ErrorAction SilentlyContinue
        $found.Id | Should -Be @($full, $sparse)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidCustomerId,CustomerTools.Commands.GetKustomerCustomerCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].TargetObject | Should -BeExactly $badId
        @(Get-SimulatorRequest $sim '/v1/*').rawPath | Sort-Object | Should -Be (@("/v1/customers/$full", "/v1/customers/$sparse") | Sort-Object)
    }

    It 'stops the pipeline on 401 with AuthenticationFailed, the service''s title and what to do' {
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret 'expired-or-wrong-key') -BaseUri $sim.BaseUri
        try {
            $written = [System.Collections.Generic.List[object]]::new()
            $failure = { $full, $sparse | Get-KustomerCustomer | ForEach-Object { $written.Add($_) }; $written.Add('not reached') } |
                Should -Throw -ErrorId 'AuthenticationFailed,CustomerTools.Commands.GetKustomerCustomerCommand' -PassThru
            $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $failure.Exception.Message | Should -BeLike '*Expired token*'
            $failure.Exception.Message | Should -BeLike '*Connect-Kustomer*'
            $written | Should -BeNullOrEmpty
        }
        finally { Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri }
    }

    It 'stops the pipeline on 403 with AccessDenied naming the missing permission' {
        $noRole = Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerNoRoleKey) -BaseUri $sim.BaseUri -PassThru
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
        $failure = { $full, $sparse | Get-KustomerCustomer -Connection $noRole } |
            Should -Throw -ErrorId 'AccessDenied,CustomerTools.Commands.GetKustomerCustomerCommand' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failure.Exception.Message | Should -BeLike '*missing org.permission.customer.read*'
    }

    It 'explains each request on -Verbose and shows its headers on -Debug, the key redacted' {
        $streams = Get-KustomerCustomer -Id $full -Verbose -Debug 4>&1 5>&1 | Where-Object { $_ -isnot [CustomerTools.Kustomer.KustomerCustomer] }
        $verbose = @($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $debug = @($streams | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
        @($verbose -like '*/v1/customers/*') | Should -HaveCount 1
        ($verbose -like '*/v1/customers/*')[0] | Should -Match ('^GET ' + [regex]::Escape("$($sim.BaseUri)v1/customers/$full") + ' -> 200 OK \(\d+ ms\)$')
        $request = @($debug -like '*request headers*')
        $request | Should -HaveCount 1
        $request[0] | Should -BeLike '*Authorization: Bearer `[redacted`]*'
        $request[0] | Should -BeLike '*Accept: application/json*'
        @($debug | Where-Object { $_ -like '*response headers*' -and $_ -like '*Content-Type*' }) | Should -Not -BeNullOrEmpty
        ($verbose + $debug) -join "`n" | Should -Not -Match $KustomerKey
        # Redacted only where it is shown: the service got the key.
        (Get-SimulatorRequest $sim '/v1/customers/*').headers.Authorization | Should -BeExactly "Bearer $KustomerKey"
    }
}

Describe 'Get-KustomerCustomer -Email, -Phone and -ExternalId' {
    BeforeAll { Connect-TestKustomer }
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'sends -<Parameter> ''<Value>'' intact: decoded as given, in one percent-encoded path segment' -TestCases @(
        @{ Parameter = 'Email'; Field = 'email'; Value = 'ann+vip@northwind.example' }
        @{ Parameter = 'Email'; Field = 'email'; Value = "o'brien.ünïcode@例え.jp" }
        @{ Parameter = 'Phone'; Field = 'phone'; Value = '+14155550123' }
        @{ Parameter = 'ExternalId'; Field = 'externalId'; Value = 'acct 7/3 eu/north' }
        @{ Parameter = 'ExternalId'; Field = 'externalId'; Value = 'crm id/42?x=1#frag%20&q' }
        @{ Parameter = 'ExternalId'; Field = 'externalId'; Value = '../../v1/orgs' }
        @{ Parameter = 'ExternalId'; Field = 'externalId'; Value = 'a/b/../../v1/orgs' }
        @{ Parameter = 'ExternalId'; Field = 'externalId'; Value = '..' }
        @{ Parameter = 'ExternalId'; Field = 'externalId'; Value = '%2F..%2Fadmin' }
        @{ Parameter = 'ExternalId'; Field = 'externalId'; Value = 'x?pageSize=1000&page=2' }
        @{ Parameter = 'ExternalId'; Field = 'externalId'; Value = 'acct 7/3?x#y%z&q=1' }
        @{ Parameter = 'ExternalId'; Field = 'externalId'; Value = '%2F%2e%2e' }
        @{ Parameter = 'ExternalId'; Field = 'externalId'; Value = 'x#fragment' }
        @{ Parameter = 'ExternalId'; Field = 'externalId'; Value = 'x&query=y' }
        @{ Parameter = 'ExternalId'; Field = 'externalId'; Value = "Zoë 😀 $([char]0x202E)evil$([char]0x202C) ﷽ e$([char]0x0301)" }
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

    It 'gives an <ErrorId> error record, and sends nothing, for -<Parameter> ''<Label>'', while the valid one is still found' -TestCases @(
        foreach ($case in @(
                @('empty', ''), @('no @', 'priya.northwind.example'), @('CR LF header injection', "priya@northwind.example`r`nX-Injected: 1"),
                @('NUL', "priya@north`0wind.example"), @('tab', "priya@northwind`t.example"), @('nothing before @', '@example.com'),
                @('a space', 'spaced out@example.com'), @('5000 characters', (('a' * 5000) + '@example.com')))) {
            @{ Parameter = 'Email'; ErrorId = 'InvalidEmail'; Label = $case[0]; Bad = $case[1]; Good = 'priya@northwind.example' }
        }
        foreach ($case in @(@('empty', ''), @('words', 'call me'), @('CR LF', "+14155550123`r`nX-Injected: 1"), @('NUL', "+1415`05550123"))) {
            @{ Parameter = 'Phone'; ErrorId = 'InvalidPhone'; Label = $case[0]; Bad = $case[1]; Good = '+442071838750' }
        }
        foreach ($case in @(@('blank', '   '), @('with a tab', "tab`there"), @('with CR/LF', "Ann`r`nX-Injected: yes"), @('with NUL', "nul`0byte"), @('over 1024 characters', ('z' * 3000)))) {
            @{ Parameter = 'ExternalId'; ErrorId = 'InvalidCustomerId'; Label = $case[0]; Bad = $case[1]; Good = 'acct-20931' }
        }
    ) {
        $lookup = @{ $Parameter = $Bad, $Good }
        $errors = $null

        $found = Get-KustomerCustomer @lookup -ErrorVariable errors -ErrorAction SilentlyContinue

        $found.Id | Should -Be $full
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeExactly "$ErrorId,CustomerTools.Commands.GetKustomerCustomerCommand"
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].TargetObject | Should -BeExactly $Bad
        $errors[0].Exception.Message | Should -Not -Match '[\r\n\t\0]'
        $errors[0].Exception.Message | Should -Not -BeLike ('*' + ('a' * 200) + '*')   # a long input is not repeated whole
        $errors[0].Exception.Message | Should -Not -BeLike ('*' + ('z' * 200) + '*')
        (Get-SimulatorRequest $sim).lookupValue | Should -BeExactly $Good
    }

    It 'writes every customer that shares the address' {
        Add-SimulatorCustomer $sim Kustomer @{ type = 'customer'; id = $twin; attributes = @{ emails = @(@{ email = 'priya@northwind.example' }) } }

        (Get-KustomerCustomer -Email 'priya@northwind.example').Id | Should -Be @($full, $twin)
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

    It 'completes progress too when a break in the pipeline ends the listing' {
        $run = Invoke-InNewRunspace '$n = 0; foreach ($pass in 1) { Get-KustomerCustomer -All -PageSize 10 | ForEach-Object { if (++$n -ge 15) { break } } }; $n'
        Wait-SimulatorQuiet $sim

        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Be 15
        $run.Progress[-1].RecordType | Should -Be 'Completed'
        (Get-KustomerPageRequest).Count | Should -BeIn 2, 3
    }

    It 'ends the listing with one ServiceError when a page fails for good, and completes progress' {
        Invoke-Simulator $sim '_sim/script' -Body @{ pathContains = '/v1/customers'; thenServe = $true; times = 1 }
        Invoke-Simulator $sim '_sim/script' -Body @{ pathContains = '/v1/customers'; status = 500; body = '{"errors":[{"title":"Internal failure"}]}'; times = $null }

        $run = Invoke-InNewRunspace 'Get-KustomerCustomer -All | ForEach-Object Id'

        $run.Output | Should -Be (Get-KustomerListIds 250 | Select-Object -First 100)
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'ServiceError,*'
        $run.Errors[0].Exception.Message | Should -BeLike '*Internal failure*'
        $run.Progress[-1].RecordType | Should -Be 'Completed'
    }

    It '| Select-Object -First <First> stops early, after the <Pages> page(s) it needs or one more, without an error' -TestCases @(
        @{ First = 3; Pages = 1 }
        @{ First = 25; Pages = 3 }
    ) {
        $Error.Clear()
        $errors = $null

        $found = Get-KustomerCustomer -All -PageSize 10 -ErrorVariable errors | Select-Object -First $First
        Wait-SimulatorQuiet $sim   # a page fetched ahead is recorded now, if there was one

        $found.Id | Should -Be (Get-KustomerListIds 250 | Select-Object -First $First)
        $errors | Should -BeNullOrEmpty
        $Error.Count | Should -Be 0
        # The listing reads one page ahead while it writes the current one: that one at most, of 26.
        $sent = @(Get-KustomerPageRequest | ForEach-Object { Get-SentQuery $_ 'page' })
        $sent | Should -Be @(1..$sent.Count | ForEach-Object { "$_" })
        $sent.Count | Should -BeIn $Pages, ($Pages + 1)
    }
}

Describe 'Get-KustomerCustomer -UpdatedSince' {
    BeforeAll { Connect-TestKustomer }
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
        Get-SentQuery $requests[0] 'pageSize' | Should -BeExactly '500'
        $requests[0].headers.'Content-Type' | Should -BeLike 'application/json*'
        for ($i = 1; $i -lt $found.Count; $i++) { $found[$i].UpdatedAt | Should -BeGreaterOrEqual $found[$i - 1].UpdatedAt }
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
        $body = (Get-SearchRequest)[0].body
        $body | Should -BeLike ('*{"customer_created_at":{"gte":"' + $createdSince.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'") + '"}}*')
        $body | Should -BeLike '*{"customer_custom_tierStr":{"equals":"gold"}}*'
    }

    It 'takes -Query as JSON text with or, as Kustomer writes it' {
        $json = '{"or":[{"customer_custom_seatsNum":{"gte":95}},{"customer_custom_vipBool":{"equals":true}}]}'
        $found = Get-KustomerCustomer -Query $json
        $expected = Get-ChangedId $origin | Where-Object { $n = Get-GeneratedNumber $_; $n % 100 -ge 95 -or $n % 5 -eq 0 }
        $found.Id | Should -Be $expected
        # The same criteria as a hashtable find the same customers.
        (Get-KustomerCustomer -Query @{ or = @(@{ customer_custom_seatsNum = @{ gte = 95 } }, @{ customer_custom_vipBool = @{ equals = $true } }) }).Id | Should -Be $expected
    }

    It 'goes on past the 100-page limit with new searches and never asks for page 101' {
        $since = $origin.AddMinutes($org - 450)
        $all = Get-KustomerCustomer -UpdatedSince $since -PageSize 4 -Verbose 4>&1
        $found = @($all | Where-Object { $_ -is [CustomerTools.Kustomer.KustomerCustomer] })
        $found.Id | Should -Be (Get-ChangedId $since)
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Continuing the search from the customers updated at or after*' }) |
            Should -Not -BeNullOrEmpty
        $pages = (Get-SearchRequest).rawTarget | ForEach-Object { [int]([regex]::Match($_, 'page=(\d+)').Groups[1].Value) }
        ($pages | Measure-Object -Maximum).Maximum | Should -BeLessOrEqual 100
        $pages.Count | Should -BeGreaterThan 112
        $pages.Count | Should -BeLessOrEqual 151
    }

    It 'pages through customers sharing one time within the limit, each once' {
        Set-Timeline -TieStart ($org - 400) -TieCount 150
        $since = $origin.AddMinutes($org - 450)
        $found = Get-KustomerCustomer -UpdatedSince $since -PageSize 2
        $found.Id | Should -Be (Get-ChangedId $since)
        $pages = (Get-SearchRequest).rawTarget | ForEach-Object { [int]([regex]::Match($_, 'page=(\d+)').Groups[1].Value) }
        ($pages | Measure-Object -Maximum).Maximum | Should -BeGreaterThan 50   # 75 pages of one query at that time
        ($pages | Measure-Object -Maximum).Maximum | Should -BeLessOrEqual 100
    }

    It 'writes what it can of more customers at one time than 100 pages hold, with one error naming that time' {
        Set-Timeline -TieStart ($org - 400) -TieCount 250
        $since = $origin.AddMinutes($org - 450)
        $tieAt = $origin.AddMinutes($org - 400)
        $changed = Get-ChangedId $since
        $written = @(Get-KustomerCustomer -UpdatedSince $since -PageSize 2 2>&1)
        $problems = @($written | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'SearchLimitExceeded,CustomerTools.Commands.GetKustomerCustomerCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $problems[0].TargetObject | Should -Be $tieAt
        $problems[0].Exception.Message | Should -BeLike ('*' + $tieAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'") + '*')
        $problems[0].Exception.Message | Should -BeLike '*-PageSize 500*'
        # 50 first tied customers before it, then 200 of the tied ones (100 pages of 2); 50 left out; then the rest.
        $tied = $changed | Select-Object -Skip 50 -First 250
        $ids = @($written | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] } | ForEach-Object Id)
        $ids | Should -Be ($changed | Where-Object { $_ -notin ($tied | Select-Object -Skip 200) })
        # The error stands where the customers were left out: after the 200th of that time.
        $at = [array]::IndexOf($written, $problems[0])
        $written[$at - 1].Id | Should -Be $tied[199]
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
        # The second search started at the last customer of page 1; the five earliest it found (that
        # one among them) moved to the end. It met that one twice, at its old and its new time, and
        # wrote it once; the other four come at the end, where they now are.
        $moved = @(Get-ChangedId $since | Select-Object -Last 5)
        $moved[0] | Should -Be $before[49]
        $later = $moved | Select-Object -Skip 1
        $found.Id | Should -Be (@($before | Where-Object { $_ -notin $later }) + $later)
    }

    It 'shows -First, -Skip and -IncludeTotalCount the way -All does' {
        $since = $origin.AddMinutes($org - 1000)
        $changed = Get-ChangedId $since
        $first = Get-KustomerCustomer -UpdatedSince $since -First 5 -IncludeTotalCount
        @(Get-SearchRequest).Count | Should -Be 1
        $first[0] | Should -Be 1000
        $first[1..5].Id | Should -Be ($changed | Select-Object -First 5)
        Invoke-Simulator $sim '_sim/requests/clear'
        (Get-KustomerCustomer -UpdatedSince $since -PageSize 100 -Skip 250 -First 10).Id | Should -Be ($changed | Select-Object -Skip 250 -First 10)
        (Get-SearchRequest).rawTarget | Should -Match 'page=3&'
    }

    It 'finds nothing for a time in the future, and that is no error' {
        Get-KustomerCustomer -UpdatedSince ([DateTimeOffset]::UtcNow.AddDays(1)) -ErrorVariable problems | Should -BeNullOrEmpty
        $problems | Should -BeNullOrEmpty
        @(Get-SearchRequest).Count | Should -Be 1
    }

    It 'says what it asks on -Verbose and shows its progress' {
        $since = $origin.AddMinutes($org - 120)
        $verbose = @(Get-KustomerCustomer -UpdatedSince $since -PageSize 50 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $verbose | Should -Contain ('Searching Kustomer for customers updated since ' + $since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'") + ', oldest change first, 50 a page.')

        $run = Invoke-InNewRunspace ("Get-KustomerCustomer -UpdatedSince '{0}' -PageSize 50 | Out-Null" -f $since.ToString('o'))
        $run.Errors | Should -BeNullOrEmpty
        $records = @($run.Progress | Where-Object Activity -EQ 'Searching Kustomer customers')
        @($records | Where-Object StatusDescription -Like '50 of 120*') | Should -Not -BeNullOrEmpty
        $records[-1].RecordType | Should -Be 'Completed'
    }
}

Describe 'The search quota' {
    BeforeAll { Connect-TestKustomer }
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
    BeforeAll { Connect-TestKustomer }
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
    BeforeAll { Connect-TestKustomer }
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
        $problems[0].Exception.Message | Should -Match '400'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].TargetObject | Should -BeOfType ([hashtable])
    }

    It 'a key without the search role stops with AccessDenied naming the role to add' {
        $noSearch = Connect-Kustomer -ApiKey (ConvertTo-TestSecret $Fixtures.kustomer.noSearchRoleKey) -BaseUri $sim.BaseUri -PassThru
        $failure = { Get-KustomerCustomer -UpdatedSince '2025-01-01' -Connection $noSearch } |
            Should -Throw -ErrorId 'AccessDenied,CustomerTools.Commands.GetKustomerCustomerCommand' -ExpectedMessage '*org.permission.search.create*' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'PermissionDenied'
        ($failure | Out-String) + $failure.Exception.ToString() | Should -Not -BeLike "*$($Fixtures.kustomer.noSearchRoleKey)*"
        # The same key still reads customers.
        (Get-KustomerCustomer -Id $Fixtures.kustomer.fullId -Connection $noSearch).Id | Should -Be $Fixtures.kustomer.fullId
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
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

Describe 'Help Scout customers piped in' {
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Connect-TestKustomer
        Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri
        Add-SimulatorCustomer $sim Kustomer @{ type = 'customer'; id = $twin; attributes = @{ name = 'Lena Okonkwo'; emails = @(@{ email = 'lena@tidewater.example' }) } }
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

    It 'turns a Help Scout customer without an email into InvalidEmail, sending Kustomer nothing' {
        $errors = $null

        $found = Get-HelpScoutCustomer -Id $hsSparse | Get-KustomerCustomer -ErrorVariable errors -ErrorAction SilentlyContinue

        $found | Should -BeNullOrEmpty
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidEmail,*'
        Get-SimulatorRequest $sim '/v1/*' | Should -BeNullOrEmpty
    }
}
