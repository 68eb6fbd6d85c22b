@{
    # The build stamps ModuleVersion from VersionPrefix in Directory.Build.props (its only home).
    ModuleVersion        = '0.0.0'
    GUID                 = 'c3b1f0a4-5d2e-4f6a-9b7c-2e8d4a1f6b90'
    RootModule           = 'CustomerTools.psm1'
    Author               = 'CustomerTools contributors'
    CompanyName          = 'CustomerTools'
    Copyright            = '(c) CustomerTools contributors. MIT License.'
    Description          = 'Read customer records from Kustomer and Help Scout as typed, pipeline-friendly objects: lookups by id, email, phone and external id, lazy listings, bounded concurrency, retries that honour rate limits, and secrets that never leak.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    FormatsToProcess     = @('CustomerTools.Format.ps1xml')
    TypesToProcess       = @('CustomerTools.Types.ps1xml')

    CmdletsToExport      = @(
        'Connect-Kustomer'
        'Disconnect-Kustomer'
        'Get-KustomerConnection'
        'Get-KustomerCustomer'
        'Get-KustomerCompany'
        'Connect-HelpScout'
        'Disconnect-HelpScout'
        'Get-HelpScoutConnection'
        'Get-HelpScoutCustomer'
        'Get-HelpScoutOrganization'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('Kustomer', 'HelpScout', 'Customers', 'CRM', 'HelpDesk', 'API', 'REST', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/customertools/CustomerTools'
            LicenseUri   = 'https://github.com/customertools/CustomerTools/blob/main/LICENSE'
            ReleaseNotes = '0.1.0: first release. Get-KustomerCustomer and Get-HelpScoutCustomer with their connection cmdlets; lookups by id, email, phone and external id; lazy listings; bounded concurrency; retries and pacing by rate limits; PowerShell 7.4+ and Windows PowerShell 5.1. Full notes: https://github.com/customertools/CustomerTools/blob/main/CHANGELOG.md'
        }
    }
}
