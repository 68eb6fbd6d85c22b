#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Connect-HelpScout and Get-HelpScoutCustomer as a user runs them, against the API simulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $full = $Fixtures.helpScout.fullId
    $sparse = $Fixtures.helpScout.sparseId
    $dashed = $Fixtures.helpScout.dashedId

    function Get-TokenRequestCount { (Invoke-Simulator $sim '_sim/helpscout/tokens' -Method GET).requests }
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

Describe 'Get-HelpScoutCustomer -Id' {
    BeforeAll { Invoke-Simulator $sim '_sim/reset'; Connect-TestApp }

    It 'maps every property of the full fixture' {
        $c = Get-HelpScoutCustomer -Id $full
        $c | Should -BeOfType ([CustomerTools.HelpScout.HelpScoutCustomer])
        $c.Name | Should -Be 'Lena Okonkwo'
        $c.Email | Should -Be 'lena@tidewater.example'
        $c.Emails.Value | Should -Be @('lena@tidewater.example', 'lena.o@mail.example')
        $c.Phones[0].Type | Should -Be 'mobile'
        $c.Chats[0].Value | Should -Be 'lena.okonkwo'
        $c.SocialProfiles[0].Type | Should -Be 'linkedin'
        $c.Websites[0].Value | Should -Be 'https://tidewater.example'
        $c.Properties[0].Text | Should -Be 'Pro (annual)'
        $c.Properties[0].Source | Should -Be 'api'
        $c.Address.City | Should -Be 'Lagos'
        $c.Address.Lines | Should -Be @('12 Marina Rd', 'Floor 3')
        $c.OrganizationId | Should -Be 88231
        $c.Age | Should -Be '35-40'
        $c.Draft | Should -BeFalse
        $c.UpdatedAt | Should -Be ([DateTimeOffset]'2025-02-11T17:04:58Z')
    }

    It 'gives empty collections for a record without _embedded' {
        $c = Get-HelpScoutCustomer -Id $sparse
        $c.Emails.Count | Should -Be 0
        $c.Address | Should -BeNullOrEmpty
        $c.Draft | Should -BeTrue
    }

    It 'reads the social-profiles spelling too' {
        (Get-HelpScoutCustomer -Id $dashed).SocialProfiles[0].Value | Should -Be 'https://x.com/analima'
    }

    It 'writes one CustomerNotFound for a 404 in the middle and keeps the rest in order' {
        $errors = $null
        $found = $full, 999, $sparse | Get-HelpScoutCustomer -ErrorVariable errors -ErrorAction SilentlyContinue
        $found.Id | Should -Be @($full, $sparse)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'CustomerNotFound,CustomerTools.Commands.GetHelpScoutCustomerCommand'
        $errors[0].TargetObject | Should -Be 999
        $errors[0].Exception.Message | Should -Match 'Resource not found'
    }

    It 'passes the vnd.error message and field errors of a 400 on to the user' {
        Invoke-Simulator $sim '_sim/script' -Body @{
            pathContains = "/v2/customers/$full"; status = 400; contentType = 'application/vnd.error+json'
            body         = '{"logRef":"64bb#7","message":"Bad request","_embedded":{"errors":[{"path":"modifiedSince","message":"Malformed date","rejectedValue":"2025-13-01"}]}}'
        }
        $errors = $null
        $null = Get-HelpScoutCustomer -Id $full -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRequest,*'
        $errors[0].Exception.Message | Should -Match "Bad request; modifiedSince: Malformed date \(rejected '2025-13-01'\)"
    }

    It 'renews a token that expires mid-pipeline once, and the pipeline completes' {
        $before = Get-TokenRequestCount
        $ids = $full, $sparse, $dashed | ForEach-Object {
            if ($_ -eq $dashed) { $null = Invoke-Simulator $sim '_sim/helpscout/expire-tokens' }
            $_
        } | Get-HelpScoutCustomer -ThrottleLimit 1
        $ids.Id | Should -Be @($full, $sparse, $dashed)
        (Get-TokenRequestCount) - $before | Should -Be 1
    }

    It 'keeps the secret and every token out of all streams and $Error' {
        $Error.Clear()
        $all = & {
            Connect-TestApp -PassThru | Format-List * | Out-String
            $full, 999 | Get-HelpScoutCustomer -Verbose -Debug -ErrorAction Continue
            Invoke-Simulator $sim '_sim/helpscout/expire-tokens'
            Get-HelpScoutCustomer -Id $full -Verbose -Debug
        } *>&1 | Out-String
        $tokens = (Get-SimulatorRequest $sim '/v2/customers/*').headers.Authorization -replace '^Bearer ' | Select-Object -Unique
        $tokens.Count | Should -BeGreaterThan 1
        $text = $all + ($Error | Out-String)
        $text | Should -Not -Match $HelpScoutAppSecret
        foreach ($token in $tokens) { $text | Should -Not -Match ([regex]::Escape($token)) }
    }
}
