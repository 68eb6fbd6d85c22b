#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Connect-HelpScout as a user runs it: the token it fetches, the credentials it takes, and how it
# fails. The built module against the API simulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $full = $Fixtures.helpScout.fullId

    function Connect-TestApp([switch] $PassThru) {
        Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri -PassThru:$PassThru
    }
}

AfterAll {
    Disconnect-HelpScout
    Stop-ApiSimulator $sim
}

Describe 'Connect-HelpScout' {
    BeforeEach { Invoke-Simulator $sim '_sim/reset' }

    It 'fetches a token at once with the client-credentials form' {
        $connection = Connect-TestApp -PassThru
        $connection.AuthenticationType | Should -Be 'ClientCredentials'
        $connection.TokenExpiresAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddHours(47))
        $token = Get-SimulatorRequest $sim '/v2/oauth2/token'
        $token.method | Should -Be 'POST'
        $token.headers.'Content-Type' | Should -BeLike 'application/x-www-form-urlencoded*'
        $token.body | Should -Match '(^|&)grant_type=client_credentials(&|$)'
        $token.body | Should -Match "(^|&)client_id=$HelpScoutAppId(&|$)"
        $token.body | Should -Match '(^|&)client_secret='
    }

    It 'takes the app id and secret as a PSCredential' {
        $credential = [pscredential]::new($HelpScoutAppId, (ConvertTo-TestSecret $HelpScoutAppSecret))
        Connect-HelpScout -ClientCredential $credential -BaseUri $sim.BaseUri
        (Get-HelpScoutCustomer -Id $full).Name | Should -Be 'Lena Okonkwo'
    }

    It 'uses an access token as is, without asking for one' {
        $token = (Invoke-RestMethod -Method Post -Uri ($sim.BaseUri + 'v2/oauth2/token') -Body @{
                grant_type = 'client_credentials'; client_id = $HelpScoutAppId; client_secret = $HelpScoutAppSecret }).access_token
        Invoke-Simulator $sim '_sim/requests/clear'
        Connect-HelpScout -AccessToken (ConvertTo-TestSecret $token) -BaseUri $sim.BaseUri
        (Get-HelpScoutCustomer -Id $full).Id | Should -Be $full
        Get-SimulatorRequest $sim '/v2/oauth2/*' | Should -BeNullOrEmpty
    }

    It 'reads HELPSCOUT_CLIENT_ID and HELPSCOUT_CLIENT_SECRET when no credentials are given' {
        $env:HELPSCOUT_CLIENT_ID = $HelpScoutAppId
        $env:HELPSCOUT_CLIENT_SECRET = $HelpScoutAppSecret
        try { (Connect-HelpScout -BaseUri $sim.BaseUri -PassThru).ClientId | Should -Be $HelpScoutAppId }
        finally { Remove-Item env:HELPSCOUT_CLIENT_ID, env:HELPSCOUT_CLIENT_SECRET }
    }

    It 'fails at connect with the service OAuth text when the secret is wrong' {
        $failure = { Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret 'wrong') -BaseUri $sim.BaseUri } |
            Should -Throw -ErrorId 'AuthenticationFailed,CustomerTools.Commands.ConnectHelpScoutCommand' -PassThru
        $failure.Exception.Message | Should -Match 'invalid_client: Client authentication failed'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
    }
}
