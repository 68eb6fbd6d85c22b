#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# What a new user meets first: help, the default views, CSV and JSON, tab completion, the manifest
# and package, and importing the module again.

BeforeDiscovery {
    $contractCmdlets = @(
        'Connect-Kustomer', 'Disconnect-Kustomer', 'Get-KustomerConnection', 'Get-KustomerCustomer', 'Get-KustomerCompany'
        'Connect-HelpScout', 'Disconnect-HelpScout', 'Get-HelpScoutConnection', 'Get-HelpScoutCustomer', 'Get-HelpScoutOrganization'
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $contractCmdlets = @(
        'Connect-Kustomer', 'Disconnect-Kustomer', 'Get-KustomerConnection', 'Get-KustomerCustomer', 'Get-KustomerCompany'
        'Connect-HelpScout', 'Disconnect-HelpScout', 'Get-HelpScoutConnection', 'Get-HelpScoutCustomer', 'Get-HelpScoutOrganization'
    )
    $full = $Fixtures.kustomer.fullId
    $hsFull = $Fixtures.helpScout.fullId
    $manifestPath = Join-Path $ModulePath 'CustomerTools.psd1'

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

Describe 'Get-Help' {
    It 'shows at least 3 examples, each with code, for <_>' -ForEach $contractCmdlets {
        $examples = @((Get-Help $_ -Examples).examples.example)
        $examples.Count | Should -BeGreaterOrEqual 3
        foreach ($example in $examples) { [string]$example.code | Should -Not -BeNullOrEmpty }
        (Get-Help $_ -Examples | Out-String) | Should -Match 'Example 3'
    }

    It 'describes Get-KustomerCustomer -Email' {
        $help = Get-Help Get-KustomerCustomer -Parameter Email
        $help.name | Should -Be 'Email'
        $help.type.name | Should -Be 'String[]'
        $description = ($help.description | ForEach-Object Text) -join ' '
        $description | Should -Match 'email'
        $description.Length | Should -BeGreaterThan 40
        ($help | Out-String) | Should -Match 'Accept pipeline input\?\s+True \(ByPropertyName\)'
    }

    It 'has an about topic that covers SecretManagement, proxies and rate limits' {
        $topic = Get-Help about_CustomerTools | Out-String
        $topic | Should -Match 'about_CustomerTools'
        $topic | Should -Match 'SecretManagement'
        $topic | Should -Match 'prox(y|ies)'
        $topic | Should -Match 'rate limit'
    }
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
        $rows[0].Id | Should -Be $twoOfEach
        $rows[0].Name | Should -Be 'Ravi Menon'
        $rows[0].Email | Should -Be 'ravi@contoso.example'
        $rows[0].Emails | Should -Be 'ravi@contoso.example; ravi.m@mail.example'
        $rows[0].Phone | Should -Be '+14155550100'
        $rows[0].Phones | Should -Be '+14155550100; +14155550199'
        $rows[0].ExternalIds | Should -Be 'crm-1; crm-2'
        [DateTimeOffset]::Parse($rows[0].UpdatedAt, [cultureinfo]::CurrentCulture) | Should -Be ([DateTimeOffset]'2025-03-04T05:06:07Z')
        $rows[1].Id | Should -Be $full
        $rows[1].Emails | Should -Be 'priya@northwind.example'
        # Tags is string[] by contract, which Export-Csv writes as "System.String[]": not asserted here.
        foreach ($column in $rows[0].PSObject.Properties | Where-Object Name -NE 'Tags') {
            $column.Value | Should -Not -Match '^(System|CustomerTools)\.[A-Z]' -Because "column $($column.Name) should read as text"
        }
    }

    It 'writes Help Scout customers as flat CSV columns, collections as text joined by "; "' {
        $csv = Join-Path $TestDrive 'helpscout.csv'
        Get-HelpScoutCustomer -Id $hsFull | Export-Csv $csv -NoTypeInformation
        $row = Import-Csv $csv

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

    It 'converts <Type> customers to JSON with plain values and readable collections' -TestCases @(
        @{ Type = 'Kustomer'; Get = { Get-KustomerCustomer -Id $twoOfEach }; Id = '64b7f0c2e4a1d3b5c6a7e9aa'; Email = 'ravi@contoso.example'; EmailProperty = 'Email'; Emails = @('ravi@contoso.example', 'ravi.m@mail.example') }
        @{ Type = 'Help Scout'; Get = { Get-HelpScoutCustomer -Id $hsFull }; Id = 4150271; Email = 'lena@tidewater.example'; EmailProperty = 'Value'; Emails = @('lena@tidewater.example', 'lena.o@mail.example') }
    ) {
        $json = & $Get | ConvertTo-Json -Depth 6
        $back = $json | ConvertFrom-Json

        $back.Id | Should -Be $Id
        $back.Email | Should -Be $Email
        $back.Emails.$EmailProperty | Should -Be $Emails
        [DateTimeOffset]$back.UpdatedAt | Should -BeOfType [DateTimeOffset]
        # No JsonElement (it would serialize as {"ValueKind": …}) and no raw JSON text in any value.
        $json | Should -Not -Match 'ValueKind'
        $json | Should -Not -Match '"\s*\{\\"'
    }
}

Describe 'Tab completion' {
    It 'offers <Expected> for "<Line>"' -TestCases @(
        @{ Line = 'Connect-Kustomer -Region '; Expected = @('EU', 'IN', 'US') }
        @{ Line = 'Connect-Kustomer -Region e'; Expected = @('EU') }
        @{ Line = 'Get-KustomerCustomer -Ext'; Expected = @('-ExternalId') }
        @{ Line = 'Get-KustomerCustomer -Thr'; Expected = @('-ThrottleLimit') }
        @{ Line = 'Get-HelpScoutCustomer -Mod'; Expected = @('-ModifiedSince') }
        @{ Line = 'Connect-HelpScout -ClientC'; Expected = @('-ClientCredential') }
    ) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText | Should -Be $Expected
    }
}

Describe 'Manifest and package' {
    BeforeAll {
        $manifest = Test-ModuleManifest -Path $manifestPath -ErrorAction Stop
        $package = @(Get-ChildItem (Join-Path $RepoRoot 'out') -Filter 'CustomerTools.*.nupkg')
    }

    It 'passes Test-ModuleManifest and exports exactly the 10 contract cmdlets' {
        $manifest.Name | Should -Be 'CustomerTools'
        @($manifest.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($contractCmdlets | Sort-Object)
        $manifest.ExportedFunctions.Count | Should -Be 0
        $manifest.ExportedAliases.Count | Should -Be 0
        $manifest.CompatiblePSEditions | Should -Be @('Core', 'Desktop')
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
        @((Get-Module CustomerTools).ExportedCommands.Keys | Sort-Object) | Should -Be @($contractCmdlets | Sort-Object)
    }

    It 'builds one .nupkg with the module files at its root and a nuspec with the manifest version and description' {
        $package.Count | Should -Be 1
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($package[0].FullName)
        try {
            $entries = @($zip.Entries.FullName)
            $reader = [System.IO.StreamReader]::new($zip.GetEntry('CustomerTools.nuspec').Open())
            try { $nuspec = [xml]$reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }
        $moduleFiles = @(Get-ChildItem $ModulePath -Recurse -File | ForEach-Object {
                [System.IO.Path]::GetRelativePath($ModulePath, $_.FullName).Replace('\', '/') } | Sort-Object)
        $packaged = @($entries | Where-Object {
                $_ -ne 'CustomerTools.nuspec' -and $_ -ne '[Content_Types].xml' -and $_ -notlike '_rels/*' -and $_ -notlike 'package/*' } | Sort-Object)

        $packaged | Should -Be $moduleFiles
        $packaged | Should -Contain 'CustomerTools.psd1'
        $packaged | Should -Contain 'en-US/CustomerTools.dll-Help.xml'
        $nuspec.package.metadata.id | Should -Be 'CustomerTools'
        $nuspec.package.metadata.version | Should -Be $manifest.Version.ToString(3)
        $nuspec.package.metadata.description | Should -BeExactly $manifest.Description
        $package[0].Name | Should -Be "CustomerTools.$($manifest.Version.ToString(3)).nupkg"
    }
}

Describe 'Importing' {
    It 'imports twice, removes and imports again without errors, and still works, in a fresh pwsh' {
        $pwsh = Join-Path $PSHOME 'pwsh'
        $script = {
            param($ModulePath, $BaseUri, $Key, $Id)
            $ErrorActionPreference = 'Stop'
            Import-Module $ModulePath
            Import-Module $ModulePath
            Import-Module $ModulePath -Force
            Remove-Module CustomerTools
            # (Get-Module, not Get-Command: with the module on PSModulePath, Get-Command would import it again.)
            if (Get-Module CustomerTools) { throw 'the module outlived Remove-Module' }
            Import-Module $ModulePath
            Connect-Kustomer -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $BaseUri
            'customer=' + (Get-KustomerCustomer -Id $Id).Name
            'commands=' + @(Get-Command -Module CustomerTools).Count
            'modules=' + @(Get-Module CustomerTools).Count
            'errors=' + $Error.Count
        }
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes("& { $script } '$ModulePath' '$($sim.BaseUri)' '$KustomerKey' '$full'"))
        $output = & $pwsh -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1

        $LASTEXITCODE | Should -Be 0 -Because ($output | Out-String)
        $output | Should -Be @('customer=Priya Raman', 'commands=10', 'modules=1', 'errors=0')
    }

    It 'imports again in this session (with and without -Force) without errors' {
        $Error.Clear()
        Import-Module $ModulePath -ErrorAction Stop
        Import-Module $ModulePath -Force -ErrorAction Stop
        Remove-Module CustomerTools -ErrorAction Stop
        Get-Module CustomerTools | Should -BeNullOrEmpty
        Import-Module $ModulePath -ErrorAction Stop

        $Error.Count | Should -Be 0
        @(Get-Command -Module CustomerTools).Count | Should -Be 10
        # The views and type extensions came back with it.
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
        (Get-KustomerCustomer -Id $full | Format-Table | Out-String) | Should -Match 'Id\s+Name\s+Email\s+UpdatedAt'
        Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri
        (Get-HelpScoutCustomer -Id $hsFull).Notes | Should -Be 'Prefers email.'
    }
}
