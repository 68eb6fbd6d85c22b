#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The module as a whole, as a new user meets it: help, tab completion, the manifest and package,
# importing it again, and -Debug on its cmdlets without a prompt. (Views, CSV and JSON of the
# objects: CustomerTools.Output.Tests.ps1; each cmdlet's own behaviour: tests/<Verb-Noun>.Tests.ps1.)

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

# -Debug alone, as the about_ topic recommends for a search: the debug lines come and nothing asks
# "Continue with this operation?" (which fails an unattended job: this shell is -NonInteractive).
Describe '-Debug without -Verbose' {
    It '<Name> shows its debug lines and does not ask' -ForEach @(
        @{ Name = 'Connect-Kustomer'; Run = { Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri -Debug } }
        @{ Name = 'a Kustomer search'; Run = {
                Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri
                Get-KustomerCustomer -UpdatedSince '2000-01-01' -First 1 -PageSize 1000 -Debug } }
        @{ Name = 'Connect-HelpScout'; Run = { Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri -Debug } }
        @{ Name = 'Disconnect-Kustomer'; Run = { Disconnect-Kustomer -Debug } }
    ) {
        $streams = & $Run 5>&1 4>&1 2>&1

        $streams | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
        $streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Should -BeNullOrEmpty
        if ($Name -notlike '*connect-Kustomer') {
            $streams | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | Should -Not -BeNullOrEmpty
        }
    }
}
