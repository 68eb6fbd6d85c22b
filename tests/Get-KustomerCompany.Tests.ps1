#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-KustomerCompany as a user runs it, and what it adds to Get-KustomerCustomer (CompanyId,
# Deleted, -IncludeDeleted), against the simulator's org and its companies.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $company = $Fixtures.kustomer.companyId
    $second = $Fixtures.kustomer.secondCompanyId
    $deletedCompany = $Fixtures.kustomer.deletedCompanyId

    # A customer resource linked to -Company (none: no link), changed at -UpdatedAt.
    function Add-LinkedCustomer([string] $Id, [string] $Company, [string] $UpdatedAt = '2025-07-01T00:00:00.000Z', [switch] $Deleted) {
        $customer = @{ type = 'customer'; id = $Id; attributes = @{ name = "Customer $Id"; updatedAt = $UpdatedAt; deleted = [bool]$Deleted } }
        if ($Company) { $customer.relationships = @{ company = @{ data = @{ type = 'company'; id = $Company } } } }
        Add-SimulatorCustomer $sim Kustomer $customer | Out-Null
    }

    function Get-CompanyRequest { @(Get-SimulatorRequest $sim '/v1/companies*') }

    Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
}

AfterAll {
    Disconnect-Kustomer
    Stop-ApiSimulator $sim
}

Describe 'Get-KustomerCompany -Id' {
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'gets a company with its fields typed' {
        $c = Get-KustomerCompany -Id $company

        $c | Should -BeOfType ([CustomerTools.Kustomer.KustomerCompany])
        $c.Name | Should -Be 'Northwind Traders'
        $c.ExternalId | Should -Be 'crm-4471'
        $c.Emails[0].Email | Should -Be 'hello@northwind.example'
        $c.Phones[0].Verified | Should -BeFalse
        $c.Domains | Should -Be @('northwind.example', 'northwind.co.uk')
        $c.Urls | Should -Be @('https://northwind.example')
        $c.EmployeeCount | Should -Be 240
        $c.Custom.tierStr | Should -Be 'gold'
        $c.UpdatedAt | Should -Be ([DateTimeOffset]'2025-04-02T10:11:12.345Z')
        $c.Deleted | Should -BeFalse
    }

    It 'reads an employee count that is not a number as none, and the rest of the company still comes' {
        $c = Get-KustomerCompany -Id $second

        $c.EmployeeCount | Should -BeNullOrEmpty
        $c.Domains.Count | Should -Be 0
        $c.Name | Should -Be 'Contoso Northwind Partners'
    }

    It 'binds piped ids by value' {
        @($company, $second | Get-KustomerCompany).Id | Should -Be @($company, $second)
    }

    It 'does not take a piped object''s Id property for a company id' {
        [pscustomobject]@{ Id = $company } | Get-KustomerCompany -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCompanyId,*'
        Get-CompanyRequest | Should -BeNullOrEmpty
    }

    It 'writes CompanyNotFound for an unknown id, with the id as its target, and goes on' {
        $missing = '65a0c1d2e3f4a5b6c7d8e000'
        $found = Get-KustomerCompany -Id $missing, $company -ErrorVariable problems -ErrorAction SilentlyContinue

        $found.Id | Should -Be $company
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CompanyNotFound,*'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be $missing
    }

    It 'refuses a malformed id with InvalidCompanyId and sends no request for it' {
        Get-KustomerCompany -Id 'not-an-id' -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCompanyId,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-CompanyRequest | Should -BeNullOrEmpty
    }
}

Describe 'Customers piped into Get-KustomerCompany' {
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'requests and writes each company once, in the order of first appearance' {
        Add-LinkedCustomer '64b7f0c2e4a1d3b5c6a70001' $second
        Add-LinkedCustomer '64b7f0c2e4a1d3b5c6a70002' $company
        Add-LinkedCustomer '64b7f0c2e4a1d3b5c6a70003' $second
        Add-LinkedCustomer '64b7f0c2e4a1d3b5c6a70004' $company
        Invoke-Simulator $sim '_sim/requests/clear'

        $companies = Get-KustomerCustomer -Id '64b7f0c2e4a1d3b5c6a70001', '64b7f0c2e4a1d3b5c6a70002', '64b7f0c2e4a1d3b5c6a70003', '64b7f0c2e4a1d3b5c6a70004' | Get-KustomerCompany

        $companies.Id | Should -Be @($second, $company)
        (Get-CompanyRequest).rawPath | Should -Be @("/v1/companies/$second", "/v1/companies/$company")
    }

    It 'passes over a customer without a company, saying so on the verbose stream' {
        Add-LinkedCustomer '64b7f0c2e4a1d3b5c6a70005' $null
        Add-LinkedCustomer '64b7f0c2e4a1d3b5c6a70006' $company

        $out = Get-KustomerCustomer -Id '64b7f0c2e4a1d3b5c6a70005', '64b7f0c2e4a1d3b5c6a70006' | Get-KustomerCompany -Verbose 4>&1
        $verbose = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })

        @($out | Where-Object { $_ -is [CustomerTools.Kustomer.KustomerCompany] }).Id | Should -Be $company
        $verbose.Message | Should -Contain 'Customer 64b7f0c2e4a1d3b5c6a70005 (64b7f0c2e4a1d3b5c6a70005) has no company; passed over.'
    }

    It 'reads the company from the customer''s company attribute when it has no relationship' {
        Add-SimulatorCustomer $sim Kustomer @{ type = 'customer'; id = '64b7f0c2e4a1d3b5c6a70007'; attributes = @{ name = 'Attr'; company = $second } } | Out-Null

        (Get-KustomerCustomer -Id '64b7f0c2e4a1d3b5c6a70007').CompanyId | Should -Be $second
    }
}

Describe 'Get-KustomerCompany -ExternalId and -Name' {
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'finds a company by external id, sending externalId alone' {
        (Get-KustomerCompany -ExternalId 'crm-4471').Id | Should -Be $company
        (Get-CompanyRequest).rawTarget | Should -Be '/v1/companies?externalId=crm-4471&page=1&pageSize=100'
    }

    It 'writes CompanyNotFound for an external id no company has' {
        Get-KustomerCompany -ExternalId 'crm-none' -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CompanyNotFound,*'
        $problems[0].TargetObject | Should -Be 'crm-none'
    }

    It 'lists the companies whose name matches, sending filter alone (the simulator ignores both when both come)' {
        @(Get-KustomerCompany -Name 'northwind').Id | Should -Be @($company, $second)
        (Get-CompanyRequest).rawTarget | Should -Be '/v1/companies?filter=northwind&page=1&pageSize=100'
        # The trap the module avoids: with both, every company comes.
        $both = Invoke-RestMethod -Uri ($sim.BaseUri + 'v1/companies?externalId=crm-4471&filter=Contoso') -Headers @{ Authorization = "Bearer $KustomerKey" }
        $both.data.Count | Should -Be 2
    }

    It 'lists every company, not the deleted one, with -All and -First' {
        @(Get-KustomerCompany -All).Id | Should -Be @($company, $second)
        @(Get-KustomerCompany -All -First 1).Id | Should -Be @($company)
    }
}

Describe 'Get-KustomerCompany search' {
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'searches companies by update time, oldest change first, with queryContext company' {
        $found = @(Get-KustomerCompany -UpdatedSince '2025-01-01')
        $body = (Get-SimulatorRequest $sim '/v1/customers/search')[0].body | ConvertFrom-Json

        $found.Id | Should -Be @($company, $second)
        $body.queryContext | Should -Be 'company'
        $body.sort[0].company_updated_at | Should -Be 'asc'
    }

    It 'with -IncludeDeleted alone writes every company, the deleted one with Deleted true' {
        $found = @(Get-KustomerCompany -IncludeDeleted)

        $found.Id | Should -Be @($company, $second, $deletedCompany)
        ($found | Where-Object Deleted).Id | Should -Be $deletedCompany
    }

    It 'goes on past the 100-page cap from the last update time, each company once' {
        Invoke-Simulator $sim '_sim/kustomer/generate-companies?count=120'
        # A search quota too large to pace by, reported in the answers: this test is about paging.
        Invoke-Simulator $sim '_sim/kustomer/search-quota?limit=1000000&windowMs=60000&headers=on'

        $found = @(Get-KustomerCompany -UpdatedSince '2024-12-31' -PageSize 1)

        $found.Count | Should -Be 122
        @($found.Id | Select-Object -Unique).Count | Should -Be 122
        $found[0].Id | Should -Be ($Fixtures.kustomer.generatedCompanyPrefix + ('{0:x20}' -f 0))
    }

    It 'takes -Query criteria on company attributes' {
        @(Get-KustomerCompany -Query @{ company_name = @{ contains = 'Contoso' } }).Id | Should -Be $second
    }

    It 'refuses a -Query with another queryContext, with no request' {
        Get-KustomerCompany -Query @{ queryContext = 'customer' } -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidQuery,*'
        $problems[0].Exception.Message | Should -Match 'Get-KustomerCompany searches companies'
        Get-SimulatorRequest $sim '/v1/customers/search' | Should -BeNullOrEmpty
    }
}

Describe 'Get-KustomerCustomer -IncludeDeleted' {
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Add-LinkedCustomer '64b7f0c2e4a1d3b5c6a70008' $null -UpdatedAt '2025-08-01T00:00:00.000Z' -Deleted
    }

    It 'leaves deleted customers out of a search without it' {
        @(Get-KustomerCustomer -UpdatedSince '2025-07-15').Id | Should -Not -Contain '64b7f0c2e4a1d3b5c6a70008'
    }

    It 'writes deleted customers with Deleted true, and sends includeDeleted' {
        $found = @(Get-KustomerCustomer -UpdatedSince '2025-07-15' -IncludeDeleted)

        ($found | Where-Object Id -EQ '64b7f0c2e4a1d3b5c6a70008').Deleted | Should -BeTrue
        ((Get-SimulatorRequest $sim '/v1/customers/search')[0].body | ConvertFrom-Json).includeDeleted | Should -BeTrue
    }

    It 'selects the Search set when given alone' {
        $found = @(Get-KustomerCustomer -IncludeDeleted)

        $found.Id | Should -Contain '64b7f0c2e4a1d3b5c6a70008'
        @(Get-SimulatorRequest $sim '/v1/customers/search').Count | Should -BeGreaterThan 0
    }
}

Describe 'Kustomer companies in views, Export-Csv and ConvertTo-Json' {
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'shows a table of Id, Name, ExternalId and UpdatedAt' {
        (Get-KustomerCompany -Id $company | Out-String -Width 200) | Should -Match 'Id\s+Name\s+ExternalId\s+UpdatedAt'
    }

    It 'writes flat CSV rows, collections as text' {
        $csv = Join-Path $TestDrive 'companies.csv'
        Get-KustomerCompany -Id $company | Export-Csv $csv -NoTypeInformation
        $row = Import-Csv $csv

        $row.Name | Should -Be 'Northwind Traders'
        $row.Emails | Should -Be 'hello@northwind.example'
        $row.Phones | Should -Be '+442071838700'
        # Domains, Urls and Tags are string[] by contract, which Export-Csv writes as a type name: not asserted here.
        foreach ($column in $row.PSObject.Properties | Where-Object Name -NotIn 'Domains', 'Urls', 'Tags') {
            $column.Value | Should -Not -Match '^(System|CustomerTools)\.[A-Z]' -Because "column $($column.Name) should read as text"
        }
    }

    It 'round-trips through ConvertTo-Json with plain values' {
        $json = Get-KustomerCompany -Id $company | ConvertTo-Json -Depth 6
        $back = $json | ConvertFrom-Json

        $back.Id | Should -Be $company
        $back.Domains | Should -Be @('northwind.example', 'northwind.co.uk')
        [DateTimeOffset]$back.UpdatedAt | Should -Be ([DateTimeOffset]'2025-04-02T10:11:12.345Z')
        $json | Should -Not -Match 'ValueKind'
    }
}
