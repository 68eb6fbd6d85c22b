#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-HelpScoutOrganization as a user runs it, and Get-HelpScoutCustomer -OrganizationId, against
# the simulator's account: its fixture organizations and generated ones.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $organization = $Fixtures.helpScout.organizationId
    $empty = $Fixtures.helpScout.emptyOrganizationId
    $generatedBase = $Fixtures.helpScout.generatedOrganizationBase

    function Get-OrganizationRequest { @(Get-SimulatorRequest $sim '/v2/organizations*') }

    # A reset drops the simulator's tokens: one request renews the connection's, then the requests
    # recorded are only the test's own.
    function Reset-Account([int] $Organizations = 0, [int] $Customers = 0) {
        Invoke-Simulator $sim '_sim/reset'
        if ($Organizations) { Invoke-Simulator $sim "_sim/helpscout/generate-organizations?count=$Organizations" }
        if ($Customers) { Invoke-Simulator $sim "_sim/helpscout/generate?count=$Customers" }
        Get-HelpScoutCustomer -Id $Fixtures.helpScout.fullId | Out-Null
        Invoke-Simulator $sim '_sim/requests/clear'
    }

    Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri
}

AfterAll {
    Disconnect-HelpScout
    Stop-ApiSimulator $sim
}

Describe 'Get-HelpScoutOrganization -Id' {
    BeforeEach { Reset-Account }

    It 'gets an organization with its fields typed, and no counts unless asked' {
        $o = Get-HelpScoutOrganization -Id $organization

        $o | Should -BeOfType ([CustomerTools.HelpScout.HelpScoutOrganization])
        $o.Name | Should -Be 'Tidewater Labs'
        $o.Location | Should -Be 'NG'
        $o.Domains | Should -Be @('tidewater.example', 'tidewater.ng')
        $o.Phones | Should -Be @('+234 (1) 555-0100')
        $o.BrandColor | Should -Be '#3c5263'
        $o.CustomerCount | Should -BeNullOrEmpty
        (Get-OrganizationRequest).rawTarget | Should -Be "/v2/organizations/$organization"
    }

    It 'adds the counts with -IncludeCounts' {
        $o = Get-HelpScoutOrganization -Id $organization -IncludeCounts

        $o.CustomerCount | Should -Be 1
        $o.ConversationCount | Should -Be 14
        (Get-OrganizationRequest).rawTarget | Should -Be "/v2/organizations/$organization`?includeCounts=true"
    }

    It 'reads a createdAt it can and an updatedAt that is not a time as none' {
        $o = Get-HelpScoutOrganization -Id $empty

        $o.CreatedAt | Should -Be ([DateTimeOffset]'2024-02-02T02:02:02Z')
        $o.UpdatedAt | Should -BeNullOrEmpty
        $o.Domains.Count | Should -Be 0
    }

    It 'binds piped ids by value, and an id given twice is requested once' {
        @($organization, $empty, $organization | Get-HelpScoutOrganization).Id | Should -Be @($organization, $empty)
        (Get-OrganizationRequest).Count | Should -Be 2
    }

    It 'does not take a piped object''s Id property for an organization id' {
        { [pscustomobject]@{ Id = $organization } | Get-HelpScoutOrganization -ErrorAction Stop } | Should -Throw
        Get-OrganizationRequest | Should -BeNullOrEmpty
    }

    It 'writes OrganizationNotFound for an unknown id, with the id as its target, and goes on' {
        $found = Get-HelpScoutOrganization -Id 999, $organization -ErrorVariable problems -ErrorAction SilentlyContinue

        $found.Id | Should -Be $organization
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'OrganizationNotFound,*'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be 999
    }

    It 'refuses an id that is not positive with InvalidOrganizationId and no request' {
        Get-HelpScoutOrganization -Id 0 -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidOrganizationId,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-OrganizationRequest | Should -BeNullOrEmpty
    }
}

Describe 'Customers piped into Get-HelpScoutOrganization' {
    BeforeAll {
        Reset-Account -Organizations 5 -Customers 40
    }

    It 'requests and writes each organization once, in the order of first appearance' {
        Invoke-Simulator $sim '_sim/requests/clear'
        $organizations = Get-HelpScoutCustomer -All | Get-HelpScoutOrganization

        $organizations.Id | Should -Be @($organization, $generatedBase, ($generatedBase + 1), ($generatedBase + 2), ($generatedBase + 3), ($generatedBase + 4))
        @(Get-OrganizationRequest).Count | Should -Be 6
    }

    It 'passes over a customer without an organization, saying so on the verbose stream' {
        $out = Get-HelpScoutCustomer -Id $Fixtures.helpScout.sparseId | Get-HelpScoutOrganization -Verbose 4>&1

        @($out | Where-Object { $_ -is [CustomerTools.HelpScout.HelpScoutOrganization] }).Count | Should -Be 0
        @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain "Sam ($($Fixtures.helpScout.sparseId)) has no organization; passed over."
    }
}

Describe 'Get-HelpScoutOrganization -All' {
    BeforeAll {
        Reset-Account -Organizations 60 -Customers 120
    }

    It 'lists every organization, page by page' {
        @(Get-HelpScoutOrganization -All).Count | Should -Be 62
    }

    It 'sends Help Scout''s sort for -SortBy and -Descending, and writes in that order' {
        Invoke-Simulator $sim '_sim/requests/clear'
        $found = @(Get-HelpScoutOrganization -All -SortBy ConversationCount -Descending -First 2)

        $found.Id | Should -Be @(($generatedBase + 59), ($generatedBase + 58))
        (Get-OrganizationRequest).rawTarget | Should -Be '/v2/organizations?sort=conversationCount%2Cdesc&page=1'
    }

    It 'sorts ascending by name without -Descending' {
        (Get-HelpScoutOrganization -All -SortBy Name -First 1).Name | Should -Be 'Harbor Analytics'
    }

    It 'skips whole pages with -Skip, never fetching them' {
        Invoke-Simulator $sim '_sim/requests/clear'
        $found = @(Get-HelpScoutOrganization -All -Skip 50 -SortBy Name)

        $found.Count | Should -Be 12
        (Get-OrganizationRequest).rawTarget | Should -Be '/v2/organizations?sort=name%2Casc&page=2'
    }
}

Describe 'Get-HelpScoutCustomer -OrganizationId' {
    BeforeAll {
        Reset-Account -Organizations 2 -Customers 120
    }

    It 'lists the organization''s customers, page by page' {
        $found = @(Get-HelpScoutCustomer -OrganizationId $generatedBase)

        $found.Count | Should -Be 60
        @($found | Where-Object OrganizationId -NE $generatedBase).Count | Should -Be 0
        @(Get-SimulatorRequest $sim "/v2/organizations/$generatedBase/customers*").Count | Should -Be 2
    }

    It 'stops paging when -First is met' {
        Invoke-Simulator $sim '_sim/requests/clear'
        @(Get-HelpScoutCustomer -OrganizationId $generatedBase -First 3).Count | Should -Be 3
        @(Get-SimulatorRequest $sim "/v2/organizations/*").Count | Should -Be 1
    }

    It 'writes OrganizationNotFound for an unknown organization' {
        Get-HelpScoutCustomer -OrganizationId 999 -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'OrganizationNotFound,*'
        $problems[0].TargetObject | Should -Be 999
    }

    It 'refuses an id that is not positive with InvalidOrganizationId and no request' {
        Invoke-Simulator $sim '_sim/requests/clear'
        Get-HelpScoutCustomer -OrganizationId -5 -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidOrganizationId,*'
        Get-SimulatorRequest $sim '/v2/organizations*' | Should -BeNullOrEmpty
    }
}

Describe 'Help Scout organizations in views, Export-Csv and ConvertTo-Json' {
    BeforeAll { Reset-Account }

    It 'shows a table of Id, Name, Website and CustomerCount' {
        (Get-HelpScoutOrganization -Id $organization | Out-String -Width 200) | Should -Match 'Id\s+Name\s+Website\s+CustomerCount'
    }

    It 'writes a flat CSV row' {
        $csv = Join-Path $TestDrive 'organizations.csv'
        Get-HelpScoutOrganization -Id $organization -IncludeCounts | Export-Csv $csv -NoTypeInformation
        $row = Import-Csv $csv

        $row.Name | Should -Be 'Tidewater Labs'
        $row.CustomerCount | Should -Be '1'
        # Domains and Phones are string[] by contract, which Export-Csv writes as a type name: not asserted here.
        foreach ($column in $row.PSObject.Properties | Where-Object Name -NotIn 'Domains', 'Phones') {
            $column.Value | Should -Not -Match '^(System|CustomerTools)\.[A-Z]' -Because "column $($column.Name) should read as text"
        }
    }

    It 'round-trips through ConvertTo-Json with plain values' {
        $back = Get-HelpScoutOrganization -Id $empty | ConvertTo-Json -Depth 4 | ConvertFrom-Json

        $back.Id | Should -Be $empty
        [DateTimeOffset]$back.CreatedAt | Should -Be ([DateTimeOffset]'2024-02-02T02:02:02Z')
    }
}
