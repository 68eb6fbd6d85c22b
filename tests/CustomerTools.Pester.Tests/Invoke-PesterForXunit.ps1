# Run by CustomerTools.Pester.Tests in a child process of tests/Pwsh (the SDK's pwsh).
#   -Discover: writes one JSON line: for each file, its discovery result and the full name
#              (ExpandedPath) of each test, in Pester's own order.
#   otherwise: runs the files, writes Pester's JUnit result to -ResultFile and, last, one line
#              "PESTER-COUNTS ..." with the run's own counts.
param(
    [Parameter(Mandatory)] [string] $Path,   # a file, or a folder to search for *.Tests.ps1
    [Parameter(Mandatory)] [string] $PesterVersion,
    [string] $ResultFile,
    [switch] $Discover
)

# Nothing else is set here: Pester runs the files in this script's session state, so a preference
# set here (say $ErrorActionPreference) would change what the tests see.
$PSStyle.OutputRendering = 'PlainText'
Import-Module Pester -RequiredVersion $PesterVersion -ErrorAction Stop

# Pester 6 shows template values its own way (@('EU', 'IN') where Pester 5 writes "EU IN").
$formatTemplateValue = & (Get-Module Pester) { ${function:Format-NicelyForTemplate} }

function Expand-PesterName([string] $Name, $Data) {
    # What Pester makes of '<Key>' and '<_>' in a name when the test runs (Pester.psm1, "ExpandedName"):
    # discovery leaves names unexpanded, so they are expanded here by the same rules, from the data.
    if ($Name -notlike '*<*') { return $Name }
    $text = if ($formatTemplateValue) {
        [regex]::Replace($Name, '(?<!`)<([^>`]+)>|`([<>])|([`"$])', {
                param($m)
                if ($m.Groups[1].Success) { '$(& $formatTemplateValue ($' + $m.Groups[1].Value + '))' }
                elseif ($m.Groups[2].Success) { $m.Groups[2].Value }
                else { '`' + $m.Groups[3].Value }
            })
    }
    else {
        $Name -replace '\$', '`$' -replace '"', '`"' -replace '(?<!`)<([^>^`]+)>', '$$($$$1)'
    }
    $expression = [scriptblock]::Create('"' + $text + '"')
    , $Data | ForEach-Object {
        if ($_ -is [System.Collections.IDictionary]) { foreach ($key in $_.Keys) { Set-Variable -Name $key -Value $_[$key] } }
        & $expression
    }
}

function Get-TestPath($Block, [string] $Parent) {
    # The full name (ExpandedPath) of each test of a block, then of its child blocks: the order of
    # Pester's Fold-Block, which its reports follow.
    $path = Expand-PesterName $Block.Name $Block.Data
    if ($Parent) { $path = "$Parent.$path" }
    foreach ($test in $Block.Tests) { "$path." + (Expand-PesterName $test.Name $test.Data) }
    foreach ($child in $Block.Blocks) { Get-TestPath $child $path }
}

$pesterConfig = New-PesterConfiguration
$pesterConfig.Run.Path = $Path
$pesterConfig.Run.PassThru = $true
$pesterConfig.Output.RenderMode = 'Plaintext'

if ($Discover) {
    $pesterConfig.Run.SkipRun = $true
    $pesterConfig.Output.Verbosity = 'None'
    $pesterRun = Invoke-Pester -Configuration $pesterConfig
    $files = foreach ($container in $pesterRun.Containers) {
        [ordered]@{
            file   = $container.Item.FullName
            result = [string]$container.Result
            error  = @($container.ErrorRecord | ForEach-Object { "$_" }) -join "`n"
            tests  = @(foreach ($block in $container.Blocks) { Get-TestPath $block })
        }
    }
    ConvertTo-Json -InputObject @($files) -Depth 4 -Compress
    return
}

$pesterConfig.Output.Verbosity = 'Detailed'
$pesterConfig.TestResult.Enabled = $true
$pesterConfig.TestResult.OutputFormat = 'JUnitXml'
$pesterConfig.TestResult.OutputPath = $ResultFile
$pesterRun = Invoke-Pester -Configuration $pesterConfig
'PESTER-COUNTS version={0} passed={1} failed={2} skipped={3} notrun={4} inconclusive={5} failedblocks={6} failedcontainers={7}' -f `
    (Get-Module Pester).Version, $pesterRun.PassedCount, $pesterRun.FailedCount, $pesterRun.SkippedCount, $pesterRun.NotRunCount,
    $pesterRun.InconclusiveCount, $pesterRun.FailedBlocksCount, $pesterRun.FailedContainersCount
