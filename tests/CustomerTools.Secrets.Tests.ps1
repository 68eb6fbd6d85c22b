#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Services and proxies that repeat the request's credentials in what they answer (the simulator's
# scripted answers echo the Authorization header or the token request's form): the module still
# quotes what they say, with every key, secret and token as [redacted], in error messages, $Error,
# every stream, ToString() and ErrorDetails.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $sim = Start-ApiSimulator
    $full = $Fixtures.kustomer.fullId
    $sparse = $Fixtures.kustomer.sparseId
    $hsFull = $Fixtures.helpScout.fullId
    $hsSparse = $Fixtures.helpScout.sparseId
    $missing = '64b7f0c2e4a1d3b5c6a7e8aa'

    # Everything a user could see or log from records written with *>&1, and from $Error.
    function Get-VisibleText([object[]] $Records) {
        @($Records) + @($Error) | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) {
                $_.ToString(); $_.FullyQualifiedErrorId; "$($_.TargetObject)"; $_.Exception.ToString(); $_.ErrorDetails.Message
            }
            elseif ($_.PSObject.Properties['Message']) { $_.Message }
            else { $_ | Out-String }
        }
    }
    function Assert-NoSecret([object[]] $Records, [string[]] $Secret) {
        $text = (Get-VisibleText $Records) -join "`n"
        foreach ($s in $Secret) {
            $text | Should -Not -BeLike "*$s*" -Because 'no secret may be shown'
            $text | Should -Not -BeLike "*$([uri]::EscapeDataString($s))*" -Because 'no secret may be shown, encoded or not'
        }
    }
    function Get-OnlyError([object[]] $Records) {
        $errors = @($Records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -Be 1
        $errors[0]
    }
}

AfterAll {
    Disconnect-Kustomer
    Disconnect-HelpScout
    Stop-ApiSimulator $sim
}

Describe 'Kustomer answers that echo the API key' {
    BeforeAll { Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri -MaxRetries 0 }
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        $Error.Clear()
    }

    It 'quotes a 400 whose message repeats the Authorization header <Encoding>, with the key redacted' -TestCases @(
        @{ Encoding = 'as is'; Echo = '{{header:Authorization}}' }
        @{ Encoding = 'URL-encoded'; Echo = '{{header:Authorization|url}}' }
        @{ Encoding = 'JSON-escaped'; Echo = '{{header:Authorization|json}}' }
    ) {
        Invoke-Simulator $sim '_sim/script' -Body @{
            pathContains = $full; status = 400
            body         = '{"errors":[{"status":400,"code":"bad_request","message":"Malformed header: ' + $Echo + '"}]}'
        }
        $all = Get-KustomerCustomer -Id $full, $sparse -Verbose -Debug *>&1

        @($all | Where-Object { $_ -is [CustomerTools.Kustomer.KustomerCustomer] }).Id | Should -Be @($sparse)
        $error1 = Get-OnlyError $all
        $error1.FullyQualifiedErrorId | Should -BeLike 'InvalidRequest,*'
        $error1.Exception.Message | Should -BeLike '*Malformed header: Bearer*`[redacted`]*'
        Assert-NoSecret $all $KustomerKey
    }

    It 'gives the words of a proxy''s HTML page that repeats the key, without the key' {
        Invoke-Simulator $sim '_sim/script' -Body @{
            pathContains = $full; status = 502; contentType = 'text/html; charset=utf-8'
            body         = '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>Upstream refused <code>{{header:Authorization|html}}</code></p><hr><center>corp-proxy</center></body></html>'
        }
        $all = Get-KustomerCustomer -Id $full -Verbose -Debug *>&1

        $error1 = Get-OnlyError $all
        $error1.FullyQualifiedErrorId | Should -BeLike 'ServiceError,*'
        $error1.Exception.Message | Should -BeLike '*502 Bad Gateway Bad Gateway Upstream refused Bearer `[redacted`] corp-proxy*'
        Assert-NoSecret $all $KustomerKey
    }

    It 'keeps the key out of the verbose and debug streams when a reason phrase and a header repeat it' {
        Invoke-Simulator $sim '_sim/script' -Body @{
            pathContains = $full; status = 503; reasonPhrase = 'Unavailable for {{header:Authorization}}'
            headers      = @{ 'X-Echo-Authorization' = '{{header:Authorization}}' }
        }
        $all = Get-KustomerCustomer -Id $full -Verbose -Debug *>&1

        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $debug = @($all | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
        @($verbose -like '*-> 503 Unavailable for Bearer `[redacted`]*').Count | Should -Be 1
        @($debug -like '*X-Echo-Authorization: Bearer `[redacted`]*').Count | Should -Be 1
        (Get-OnlyError $all).FullyQualifiedErrorId | Should -BeLike 'ServiceError,*'
        Assert-NoSecret $all $KustomerKey
    }

    It 'keeps the key out of every stream, message, ToString and $Error, through a disconnect' {
        Invoke-Simulator $sim '_sim/script' -Body @{ pathContains = $sparse; status = 500; body = '{"errors":[{"title":"boom"}]}' }
        $all = @(& {
                $connection = Get-KustomerConnection
                $connection | Format-List * | Out-String
                $connection.ToString()
                $full, $missing, $sparse, 'bad' | Get-KustomerCustomer -Verbose -Debug -ErrorAction Continue
                $connection | Disconnect-Kustomer -Verbose
                try { Get-KustomerCustomer -Id $full } catch { $_ }
            } *>&1)

        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) | Should -Not -BeNullOrEmpty
        @($all | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }) | Should -Not -BeNullOrEmpty
        @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).FullyQualifiedErrorId -replace ',.*' |
            Should -Be @('CustomerNotFound', 'ServiceError', 'InvalidCustomerId', 'NotConnected')
        Assert-NoSecret $all $KustomerKey
        Connect-Kustomer -ApiKey (ConvertTo-TestSecret $KustomerKey) -BaseUri $sim.BaseUri -MaxRetries 0
    }
}

Describe 'Help Scout answers that echo the secret or a token' {
    BeforeEach {
        Invoke-Simulator $sim '_sim/reset'
        $Error.Clear()
    }

    It 'fails Connect-HelpScout on a token endpoint that repeats the form, without the app secret' {
        Invoke-Simulator $sim '_sim/script' -Body @{
            pathContains = '/oauth2/token'; status = 400
            body         = '{"error":"invalid_request","error_description":"Could not read {{body|json}}"}'
        }
        $all = try {
            Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri -Verbose -Debug *>&1
        }
        catch { $_ }

        $error1 = Get-OnlyError $all
        $error1.FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
        $error1.Exception.Message | Should -BeLike '*invalid_request: Could not read grant_type=client_credentials*client_secret=`[redacted`]*'
        Assert-NoSecret $all $HelpScoutAppSecret
    }

    It 'quotes field errors that repeat the current token and one renewed away, without either' {
        Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri
        $first = @(Get-SimulatorRequest $sim '/v2/oauth2/token')
        $first.Count | Should -Be 1
        Invoke-Simulator $sim '_sim/helpscout/expire-tokens'
        # A 401 makes the module fetch a new token; the old one must stay secret too.
        $null = Get-HelpScoutCustomer -Id $hsFull
        $old = ((Get-SimulatorRequest $sim '/v2/customers/*')[0].headers.Authorization -split ' ')[1]
        Invoke-Simulator $sim '_sim/script' -Body @{
            pathContains = "/v2/customers/$hsSparse"; status = 400; contentType = 'application/vnd.error+json'
            body         = '{"logRef":"1f0c#3","message":"Bad request","_embedded":{"errors":[{"path":"Authorization","message":"Token mismatch (was ' + $old + ')","rejectedValue":{"header":"{{header:Authorization|json}}"}}]}}'
        }
        $all = Get-HelpScoutCustomer -Id $hsSparse -Verbose -Debug *>&1

        $error1 = Get-OnlyError $all
        $error1.FullyQualifiedErrorId | Should -BeLike 'InvalidRequest,*'
        $error1.Exception.Message | Should -BeLike '*Token mismatch (was `[redacted`]) (rejected {"header":"Bearer `[redacted`]"}) (logRef 1f0c#3)*'
        $current = ((Get-SimulatorRequest $sim "/v2/customers/$hsSparse")[0].headers.Authorization -split ' ')[1]
        $current | Should -Not -Be $old
        Assert-NoSecret $all $old, $current, $HelpScoutAppSecret
    }

    It 'keeps an access token given with -AccessToken out of a proxy''s plain-text error' {
        # The proxy answers before Help Scout could judge the token.
        $token = 'hs-token-obtained-elsewhere-0123456789abcdef'
        Connect-HelpScout -AccessToken (ConvertTo-TestSecret $token) -BaseUri $sim.BaseUri -MaxRetries 0
        Invoke-Simulator $sim '_sim/script' -Body @{
            pathContains = '/v2/customers/'; status = 503; contentType = 'text/plain'
            body         = "upstream connect error; request headers were:`n  authorization: {{header:Authorization}}`n"
        }
        $all = Get-HelpScoutCustomer -Id $hsFull -Verbose -Debug *>&1

        $error1 = Get-OnlyError $all
        $error1.FullyQualifiedErrorId | Should -BeLike 'ServiceError,*'
        $error1.Exception.Message | Should -BeLike '*upstream connect error; request headers were: authorization: Bearer `[redacted`]*'
        Assert-NoSecret $all $token
    }

    It 'keeps the secret and every token out of all streams, ToString and $Error, through a renewal, a disconnect and a failed connect' {
        $all = @(& {
                $connection = Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret $HelpScoutAppSecret) -BaseUri $sim.BaseUri -PassThru -Verbose -Debug
                $connection | Format-List * | Out-String
                $connection.ToString()
                Get-HelpScoutConnection | Out-String
                $hsFull, 999, $hsSparse | Get-HelpScoutCustomer -Verbose -Debug -ErrorAction Continue
                Invoke-Simulator $sim '_sim/helpscout/expire-tokens'
                Get-HelpScoutCustomer -Email 'lena@tidewater.example', 'nobody@nowhere.example' -Verbose -Debug -ErrorAction Continue
                Disconnect-HelpScout -Verbose
                try { Connect-HelpScout -ClientId $HelpScoutAppId -ClientSecret (ConvertTo-TestSecret "wrong-$HelpScoutAppSecret") -BaseUri $sim.BaseUri -Verbose -Debug } catch { $_ }
            } *>&1)

        @($all | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }) | Should -Not -BeNullOrEmpty
        @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).FullyQualifiedErrorId -replace ',.*' |
            Should -Be @('CustomerNotFound', 'CustomerNotFound', 'AuthenticationFailed')
        $tokens = @((Invoke-Simulator $sim '_sim/helpscout/tokens' -Method GET).issued)
        $tokens.Count | Should -BeGreaterThan 1
        # A token's tail too: a cut that keeps most of it must not show it.
        Assert-NoSecret $all (@($HelpScoutAppSecret) + $tokens + ($tokens | ForEach-Object { $_.Substring(9) }))
    }
}
