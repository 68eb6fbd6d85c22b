# Shared by the Pester files: start the API simulator (its own command, on a free loopback port),
# drive its control API, and import the built module. Dot-source it in BeforeAll.

$script:RepoRoot = Split-Path -Parent $PSScriptRoot
$script:ModulePath = Join-Path $RepoRoot 'out/CustomerTools'
$script:SimulatorDll = Join-Path $PSScriptRoot 'ApiSimulator/bin/Release/net10.0/ApiSimulator.dll'

function Start-ApiSimulator {
    if (-not (Test-Path $SimulatorDll)) {
        throw "The simulator is not built; run: dotnet build CustomerPS.sln -c Release"
    }
    # One argument string, not ArgumentList: Windows PowerShell 5.1's .NET Framework has no ArgumentList.
    # --exit-with-stdin: it ends when its standard input closes, with this shell, even one that is killed.
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet', ('"{0}" --exit-with-stdin' -f $SimulatorDll))
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardInput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $line = $process.StandardOutput.ReadLine()
    if ($line -notmatch 'listening on (\S+)') {
        $process.Kill()
        throw "The simulator did not start: $line"
    }
    $simulator = [pscustomobject]@{ Process = $process; BaseUri = $Matches[1] }
    # The keys it accepts and its fixtures' ids, as it states them (GET /_sim/fixtures), for the
    # test file: $Fixtures.kustomer.fullId, $Fixtures.helpScout.mainMailbox..., and the keys by name.
    $script:Fixtures = Invoke-Simulator -Simulator $simulator -Method GET -Path '_sim/fixtures'
    $script:KustomerKey = $Fixtures.kustomer.validKey
    $script:KustomerNoRoleKey = $Fixtures.kustomer.noRoleKey
    $script:HelpScoutAppId = $Fixtures.helpScout.appId
    $script:HelpScoutAppSecret = $Fixtures.helpScout.appSecret
    $simulator
}

function Stop-ApiSimulator([Parameter(Mandatory)] $Simulator) {
    # Closing its standard input ends it.
    $Simulator.Process.StandardInput.Close()
    if (-not $Simulator.Process.WaitForExit(5000)) { $Simulator.Process.Kill() }
}

function Invoke-Simulator {
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [string] $Path, [string] $Method = 'POST', $Body)
    $request = @{ Method = $Method; Uri = $Simulator.BaseUri + $Path }
    if ($null -ne $Body) {
        $request.Body = $Body | ConvertTo-Json -Depth 6
        $request.ContentType = 'application/json'
    }
    Invoke-RestMethod @request
}

function Get-SimulatorRequest([Parameter(Mandatory)] $Simulator, [string] $PathLike = '*') {
    Invoke-Simulator -Simulator $Simulator -Method GET -Path '_sim/requests' | ForEach-Object { $_ } | Where-Object { $_.rawPath -like $PathLike }
}

# A query parameter as the simulator received it, decoded from the raw request target (the
# recorded `query` goes through ConvertFrom-Json, which turns date-like text into DateTime).
function Get-SentQuery([Parameter(Mandatory)] $Request, [Parameter(Mandatory)] [string] $Name) {
    $target = [string] $Request.rawTarget
    if ($target.IndexOf('?') -lt 0) { return }
    foreach ($pair in $target.Substring($target.IndexOf('?') + 1) -split '&') {
        $key, $value = $pair -split '=', 2
        if ([uri]::UnescapeDataString($key) -ceq $Name) { return [uri]::UnescapeDataString($value.Replace('+', ' ')) }
    }
}

function ConvertTo-TestSecret([string] $Text) { ConvertTo-SecureString -String $Text -AsPlainText -Force }

Import-Module $ModulePath -Force

function Add-SimulatorCustomer {
    # Adds one customer to the simulator's Kustomer org or Help Scout account (replacing one with the
    # same id until the next reset). -Customer is the resource as the API serves it: JSON text, or an
    # object/hashtable that is turned into JSON.
    param(
        [Parameter(Mandatory)] $Simulator,
        [Parameter(Mandatory)] [ValidateSet('Kustomer', 'HelpScout')] [string] $Service,
        [Parameter(Mandatory)] $Customer,
        [long] $Mailbox
    )
    $json = if ($Customer -is [string]) { $Customer } else { $Customer | ConvertTo-Json -Depth 10 -Compress }
    $path = '_sim/{0}/customers' -f $Service.ToLowerInvariant()
    if ($PSBoundParameters.ContainsKey('Mailbox')) { $path += "?mailbox=$Mailbox" }
    Invoke-RestMethod -Method POST -Uri ($Simulator.BaseUri + $path) -Body $json -ContentType 'application/json'
}

function Wait-SimulatorQuiet([Parameter(Mandatory)] $Simulator) {
    # Returns once no request is being answered and none has arrived for a moment (after a
    # pipeline was broken off, what it had already sent is then recorded).
    Invoke-Simulator -Simulator $Simulator -Path '_sim/wait-until-quiet'
}

function Get-SimulatorInFlight([Parameter(Mandatory)] $Simulator) {
    # InFlight: requests the simulator is answering right now; MaxInFlight: the most at once since
    # the last reset.
    $counts = Invoke-Simulator -Simulator $Simulator -Method GET -Path '_sim/in-flight'
    [pscustomobject]@{ InFlight = [int]$counts.inFlight; MaxInFlight = [int]$counts.maxInFlight }
}

function Set-SimulatorQuota {
    # A per-minute quota scaled to -WindowMs, answered in the service's own dialect (docs/api/kustomer.md and helpscout.md §7):
    # Kustomer x-ratelimit-limit/-remaining/-reset (-UnixReset: the reset as a Unix time, else
    # seconds); Help Scout X-RateLimit-Limit-Minute/-Remaining-Minute, and X-RateLimit-Retry-After
    # on the 429. -Spent: requests others sharing the quota already made in a window that opens now.
    param(
        [Parameter(Mandatory)] $Simulator,
        [Parameter(Mandatory)] [ValidateSet('Kustomer', 'HelpScout')] [string] $Service,
        [Parameter(Mandatory)] [int] $Limit,
        [int] $WindowMs = 1000,
        [int] $Spent = 0,
        [switch] $UnixReset
    )
    $path = '_sim/{0}/quota?limit={1}&windowMs={2}&spent={3}' -f $Service.ToLowerInvariant(), $Limit, $WindowMs, $Spent
    if ($UnixReset) { $path += '&reset=unix' }
    Invoke-Simulator -Simulator $Simulator -Path $path
}

function Get-SimulatorQuota([Parameter(Mandatory)] $Simulator, [ValidateSet('Kustomer', 'HelpScout')] [string] $Service = 'Kustomer') {
    # The quota set with Set-SimulatorQuota: Limit, Served, and Rejected (answered 429).
    $counts = Invoke-Simulator -Simulator $Simulator -Method GET -Path ('_sim/{0}/quota' -f $Service.ToLowerInvariant())
    [pscustomobject]@{ Limit = [int]$counts.limit; Served = [int]$counts.served; Rejected = [int]$counts.rejected }
}

function Get-SimulatorThrottleGap([Parameter(Mandatory)] $Simulator) {
    # After each 429 that stated a refill time: Target, StatedMs (the wait it stated), IdleMs (from
    # its answer to its retry's arrival; $null if no retry came) and Early (the retry came before
    # the stated time).
    Invoke-Simulator -Simulator $Simulator -Method GET -Path '_sim/throttle-gaps' | ForEach-Object { $_ } | ForEach-Object {
        [pscustomobject]@{ Target = $_.target; StatedMs = [double]$_.statedMs; IdleMs = $_.idleMs; Early = [bool]$_.early }
    }
}

function ConvertTo-SimulatorEnum {
    # The control API reads enums as numbers ("breakage" of a scripted answer, "kinds" of a fault
    # schedule); this turns a name (StallBody, HugeBody…) into the simulator's own number for it.
    param([Parameter(Mandatory)] [ValidateSet('Breakage', 'FaultKind')] [string] $Enum, [Parameter(Mandatory)] [string] $Name)
    if (-not ('CustomerTools.ApiSimulator.FaultKind' -as [type])) { Add-Type -Path $SimulatorDll }
    [int]([enum]::Parse(("CustomerTools.ApiSimulator.$Enum" -as [type]), $Name))
}

function Set-SimulatorFault {
    # Breaks the answers to the paths that contain -PathContains with the fault -Kind (a FaultKind
    # name), for the share -Rate of attempts (1: every one). Reset clears it.
    param(
        [Parameter(Mandatory)] $Simulator,
        [Parameter(Mandatory)] [string[]] $Kind,
        [Parameter(Mandatory)] [string] $PathContains,
        [double] $Rate = 1,
        [int] $Seed = 1
    )
    $kinds = @($Kind | ForEach-Object { ConvertTo-SimulatorEnum FaultKind $_ })
    Invoke-Simulator -Simulator $Simulator -Path '_sim/faults' -Body @{ seed = $Seed; rate = $Rate; kinds = $kinds; pathContains = $PathContains }
}
