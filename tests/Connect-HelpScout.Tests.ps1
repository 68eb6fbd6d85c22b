#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Connect-HelpScout as a user runs it: the token it fetches, the credentials it takes, and how it
# fails. The built module against the API simulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $full = $Fixtures.helpScout.fullId
    $sparse = $Fixtures.helpScout.sparseId

    function Connect-TestApp([switch] $PassThru) {
        Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri -PassThru:$PassThru
    }
}

AfterAll {
    Disconnect-HelpScout
    Stop-ApiSimulator $sim
}

Describe 'Connect-HelpScout' {
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        Disconnect-HelpScout
    }

    It 'fetches a token at once with the client-credentials form' {
        $connection = Connect-TestApp -PassThru
        $connection.AuthenticationType | Should -Be 'ClientCredentials'
        $connection.ClientId | Should -Be $HelpScoutAppId
        $connection.TokenExpiresAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddHours(47))
        $connection.TokenExpiresAt | Should -BeLessThan ([DateTimeOffset]::UtcNow.AddHours(49))
        $requests = @(Get-SimulatorRequest $sim)
        $requests.Count | Should -Be 1
        $token = $requests[0]
        $token.method | Should -Be 'POST'
        $token.rawPath | Should -Be '/v2/oauth2/token'
        $token.headers.'Content-Type' | Should -BeLike 'application/x-www-form-urlencoded*'
        $token.headers.Authorization | Should -BeNullOrEmpty
        $form = @{}
        foreach ($pair in $token.body -split '&') { $key, $value = $pair -split '=', 2; $form[$key] = [System.Net.WebUtility]::UrlDecode($value) }
        $form.grant_type | Should -BeExactly 'client_credentials'
        $form.client_id | Should -BeExactly $HelpScoutAppId
        $form.client_secret | Should -BeExactly $HelpScoutAppSecret
    }

    It 'takes the app id and secret as a PSCredential' {
        $credential = [pscredential]::new($HelpScoutAppId, (ConvertTo-TestSecret $HelpScoutAppSecret))
        Connect-HelpScout -ClientCredential $credential -BaseUri $sim.BaseUri
        (Get-HelpScoutCustomer -Id $full).Name | Should -Be 'Lena Okonkwo'
        (Invoke-Simulator $sim '_sim/helpscout/tokens' -Method GET).requests | Should -Be 1
    }

    It 'uses an access token as is, without asking for one' {
        $token = (Invoke-Simulator $sim '_sim/helpscout/issue-token').token
        Invoke-Simulator $sim '_sim/requests/clear'
        $connection = Connect-HelpScout -AccessToken (ConvertTo-TestSecret $token) -BaseUri $sim.BaseUri -PassThru
        $connection.AuthenticationType | Should -Be 'AccessToken'
        (Get-HelpScoutCustomer -Id $full).Id | Should -Be $full
        Get-SimulatorRequest $sim '/v2/oauth2/*' | Should -BeNullOrEmpty
        (Get-SimulatorRequest $sim '/v2/customers/*').headers.Authorization | Should -BeExactly "Bearer $token"
    }

    It 'stops with AuthenticationFailed when an access token is refused, as it cannot be renewed' {
        Connect-HelpScout -AccessToken (ConvertTo-TestSecret 'hs-token-that-was-never-issued') -BaseUri $sim.BaseUri
        $written = [System.Collections.Generic.List[object]]::new()
        $failure = { Get-HelpScoutCustomer -Id $full, $sparse | ForEach-Object { $written.Add($_) } } |
            Should -Throw -ErrorId 'AuthenticationFailed,CustomerTools.Commands.GetHelpScoutCustomerCommand' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.Exception.Message | Should -BeLike '*401*'
        $written | Should -BeNullOrEmpty
    }

    It 'reads HELPSCOUT_CLIENT_ID and HELPSCOUT_CLIENT_SECRET when no credentials are given' {
        $env:HELPSCOUT_CLIENT_ID = $HelpScoutAppId
        $env:HELPSCOUT_CLIENT_SECRET = $HelpScoutAppSecret
        try { (Connect-HelpScout -BaseUri $sim.BaseUri -PassThru).ClientId | Should -Be $HelpScoutAppId }
        finally { Remove-Item env:HELPSCOUT_CLIENT_ID, env:HELPSCOUT_CLIENT_SECRET }
    }

    It 'fails at connect with the service OAuth text when the secret is wrong, and keeps no connection' {
        $wrong = 'not-the-secret'
        $all = @(try { Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $wrong) -BaseUri $sim.BaseUri -Verbose -Debug *>&1 } catch { $_ })
        $failure = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'AuthenticationFailed,CustomerTools.Commands.ConnectHelpScoutCommand'
        $failure[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure[0].Exception.Message | Should -Match 'invalid_client: Client authentication failed'
        $failure[0].Exception.Message | Should -Match 'My Apps'
        ($all | Out-String) + $failure[0].Exception.ToString() | Should -Not -Match $wrong
        Get-HelpScoutConnection | Should -BeNullOrEmpty
    }
}
