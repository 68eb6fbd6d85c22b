#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The objects the cmdlets write, as users see and save them: the default table and list views of
# both services' customers and connections, Export-Csv and ConvertTo-Json. The built module
# against the API simulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $full = $Fixtures.kustomer.fullId
    $hsFull = $Fixtures.helpScout.fullId
    $twin = '0123456789abcdef01234567'   # a Kustomer customer the tests add themselves

    function Connect-TestServices {
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
        Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri
    }
    # The property names a list view shows for a type, in order, as the module's format file declares them.
    function Get-ListViewProperty([string] $TypeName) {
        $format = [xml](Get-Content -Raw (Join-Path $ModulePath 'CustomerTools.Format.ps1xml'))
        $view = $format.Configuration.ViewDefinitions.View | Where-Object { $_.ViewSelectedBy.TypeName -eq $TypeName -and $_.ListControl }
        @($view.ListControl.ListEntries.ListEntry.ListItems.ListItem.PropertyName)
    }
    # The labels of a Format-List text, in order.
    function Get-ListLabel([string] $Text) {
        @($Text -split "`r?`n" | ForEach-Object { if ($_ -match '^(\w+)\s*:') { $Matches[1] } })
    }
}

AfterAll {
    Disconnect-Kustomer
    Disconnect-HelpScout
    Stop-ApiSimulator $sim
}

Describe 'Default views' {
    BeforeAll { Connect-TestServices }
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'shows <Type> customers in a table of Id, Name, Email, UpdatedAt' -TestCases @(
        @{ Type = 'Kustomer'; Get = { Get-KustomerCustomer -Id $full }; Row = 'Priya Raman\s+priya@northwind\.example' }
        @{ Type = 'Help Scout'; Get = { Get-HelpScoutCustomer -Id $hsFull }; Row = 'Lena Okonkwo\s+lena@tidewater\.example' }
    ) {
        $table = & $Get | Format-Table | Out-String -Width 200
        $lines = @($table -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[0].Trim() | Should -Match '^Id\s+Name\s+Email\s+UpdatedAt$'
        $lines[1].Trim() | Should -Match '^-+\s+-+\s+-+\s+-+$'
        $lines[2] | Should -Match $Row
        $lines.Count | Should -Be 3
    }

    It 'shows <Type> customers in a list of the list view fields' -TestCases @(
        @{ Type = 'Kustomer'; TypeName = 'CustomerTools.Kustomer.KustomerCustomer'; Get = { Get-KustomerCustomer -Id $full } }
        @{ Type = 'Help Scout'; TypeName = 'CustomerTools.HelpScout.HelpScoutCustomer'; Get = { Get-HelpScoutCustomer -Id $hsFull } }
    ) {
        $expected = Get-ListViewProperty $TypeName
        $expected | Should -Contain 'Emails'
        $expected | Should -Contain 'UpdatedAt'
        $list = & $Get | Format-List | Out-String -Width 200

        Get-ListLabel $list | Should -Be $expected
        $list | Should -Match '(?m)^Id\s+: \S+'
        $list | Should -Match '(?m)^Emails\s+: \{.*@'
    }

    It 'renders a <Kind> connection without any secret' -TestCases @(
        @{ Kind = 'Kustomer'; Connect = { Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri -PassThru } }
        @{ Kind = 'Help Scout app'; Connect = { Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri -PassThru } }
        @{ Kind = 'Help Scout token'; Connect = {
                $token = (Invoke-RestMethod -Method Post -Uri ($sim.BaseUri + 'v2/oauth2/token') -Body @{
                        grant_type = 'client_credentials'; client_id = $HelpScoutAppId; client_secret = $HelpScoutAppSecret }).access_token
                Connect-HelpScout -AccessToken (ConvertTo-TestSecret $token) -BaseUri $sim.BaseUri -PassThru
            }
        }
    ) {
        $connection = & $Connect
        # The token in use, as the service saw it on a request.
        if ($Kind -eq 'Kustomer') { $null = Get-KustomerCustomer -Id $full -Connection $connection }
        else { $null = Get-HelpScoutCustomer -Id $hsFull -Connection $connection }
        $tokens = @(Get-SimulatorRequest $sim '/v*/customers/*').headers.Authorization -replace '^Bearer '
        $tokens | Should -Not -BeNullOrEmpty
        $secrets = @($KustomerKey, $HelpScoutAppSecret) + $tokens

        $text = ($connection | Format-List * | Out-String -Width 300) + ($connection | Out-String -Width 300) + ($connection | Format-List | Out-String -Width 300) + "$connection"

        $text | Should -Match ([regex]::Escape($sim.BaseUri.TrimEnd('/')))
        $text | Should -Match 'IsConnected\s+: True'
        foreach ($secret in $secrets) { $text | Should -Not -Match ([regex]::Escape($secret)) }
    }
}

Describe 'Export-Csv and ConvertTo-Json' {
    BeforeAll { Connect-TestServices }
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        # A Kustomer customer with two of each, to see how collections read in a CSV file.
        $twoOfEach = '64b7f0c2e4a1d3b5c6a7e9aa'
        Add-SimulatorCustomer $sim Kustomer @{
            type = 'customer'; id = $twoOfEach
            attributes = @{
                name        = 'Ravi Menon'; displayName = 'Ravi Menon'
                emails      = @(@{ email = 'ravi@contoso.example'; type = 'work'; verified = $true }, @{ email = 'ravi.m@mail.example'; type = 'home'; verified = 'false' })
                phones      = @(@{ phone = '+14155550100'; type = 'mobile'; verified = $false }, @{ phone = '+14155550199'; type = 'work'; verified = 'true' })
                externalId  = 'crm-1'; externalIds = @(@{ externalId = 'crm-1'; verified = $true }, @{ externalId = 'crm-2'; verified = $false })
                tags        = @('5f0c1a2b3c4d5e6f7a8b9c0d', '5f0c1a2b3c4d5e6f7a8b9c0e')
                createdAt   = '2024-01-02T03:04:05.000Z'; updatedAt = '2025-03-04T05:06:07.000Z'
                custom      = @{ tierStr = 'silver'; seatsNum = 7 }
            }
        } | Out-Null
    }

    It 'writes Kustomer customers as flat CSV columns, collections as text joined by "; "' {
        $csv = Join-Path $TestDrive 'kustomer.csv'
        $twoOfEach, $full | Get-KustomerCustomer | Export-Csv $csv -NoTypeInformation
        $rows = @(Import-Csv $csv)

        $rows.Count | Should -Be 2
        $header = (Get-Content $csv -TotalCount 1) -split ',' -replace '"'
        # Every column of the contract is there.
        @('Id', 'Name', 'DisplayName', 'Email', 'Emails', 'Phone', 'Phones', 'ExternalId', 'ExternalIds', 'Tags', 'Locale', 'TimeZone',
            'Gender', 'AvatarUrl', 'Username', 'Verified', 'CreatedAt', 'UpdatedAt', 'ModifiedAt', 'SignedUpAt', 'LastSeenAt',
            'LastActivityAt', 'ConversationCounts', 'Sentiment', 'Custom', 'Rev') | Where-Object { $_ -cnotin $header } | Should -BeNullOrEmpty
        $rows[0].Id | Should -Be $twoOfEach
        $rows[0].Name | Should -Be 'Ravi Menon'
        $rows[0].Email | Should -Be 'ravi@contoso.example'
        $rows[0].Emails | Should -Be 'ravi@contoso.example; ravi.m@mail.example'
        $rows[0].Phone | Should -Be '+14155550100'
        $rows[0].Phones | Should -Be '+14155550100; +14155550199'
        $rows[0].ExternalIds | Should -Be 'crm-1; crm-2'
        [DateTimeOffset]::Parse($rows[0].UpdatedAt, [cultureinfo]::CurrentCulture) | Should -Be ([DateTimeOffset]'2025-03-04T05:06:07Z')
        $rows[1].Id | Should -Be $full
        $rows[1].Name | Should -Be 'Priya Raman'
        $rows[1].Emails | Should -Be 'priya@northwind.example'
        # UpdatedAt is text that reads back as the same instant (the text keeps whole seconds).
        [DateTimeOffset]::Parse($rows[1].UpdatedAt, [cultureinfo]::CurrentCulture) | Should -Be ([DateTimeOffset]'2025-05-02T16:45:12Z')
        # Tags is string[] by contract, which Export-Csv writes as "System.String[]": not asserted here.
        foreach ($column in $rows[0].PSObject.Properties | Where-Object Name -NE 'Tags') {
            $column.Value | Should -Not -Match '^(System|CustomerTools)\.[A-Z]' -Because "column $($column.Name) should read as text"
        }
    }

    It 'writes Help Scout customers as flat CSV columns, collections as text joined by "; "' {
        $csv = Join-Path $TestDrive 'helpscout.csv'
        Get-HelpScoutCustomer -Id $hsFull | Export-Csv $csv -NoTypeInformation
        $row = @(Import-Csv $csv)

        $row.Count | Should -Be 1
        $row = $row[0]
        $row.Id | Should -Be $hsFull
        $row.Name | Should -Be 'Lena Okonkwo'
        $row.Email | Should -Be 'lena@tidewater.example'
        $row.Emails | Should -Be 'lena@tidewater.example; lena.o@mail.example'
        $row.Phones | Should -Be '+2348012345678'
        $row.Organization | Should -Be 'Tidewater Labs'
        [DateTimeOffset]::Parse($row.UpdatedAt, [cultureinfo]::CurrentCulture) | Should -Be ([DateTimeOffset]'2025-02-11T17:04:58Z')
        foreach ($column in $row.PSObject.Properties) {
            $column.Value | Should -Not -Match '^(System|CustomerTools)\.[A-Z]' -Because "column $($column.Name) should read as text"
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
        $json | Should -Not -Match '"\s*\{\\"'   # no raw JSON text in any value
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
        $json | Should -Not -Match '"\s*\{\\"'   # no raw JSON text in any value
    }

    It 'reads well as text: name, email and id for a customer, the values for a list of entries' {
        "$(Get-KustomerCustomer -Id $full)" | Should -BeExactly "Priya Raman <priya@northwind.example> ($full)"
        "$(Get-HelpScoutCustomer -Id $hsFull)" | Should -BeExactly "Lena Okonkwo <lena@tidewater.example> ($hsFull)"
        "$((Get-HelpScoutCustomer -Id $hsFull).Emails)" | Should -BeExactly 'lena@tidewater.example lena.o@mail.example'
        (Get-KustomerCustomer -Id $full).Emails.ToString() | Should -BeExactly 'priya@northwind.example'
    }
}
