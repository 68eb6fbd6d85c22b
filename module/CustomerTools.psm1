# Loads the build of CustomerTools.dll that fits this PowerShell: net8.0 on PowerShell 7.4+,
# netstandard2.0 (with its own System.Text.Json beside it) on Windows PowerShell 5.1.
# Only core language and engine cmdlets are used here, so importing does no I/O beyond loading.

function Get-CustomerToolsAssemblyPath {
    param([string] $Edition = $PSEdition, [version] $Version = $PSVersionTable.PSVersion)

    if ($Edition -eq 'Desktop') {
        return [System.IO.Path]::Combine($PSScriptRoot, 'bin', 'netstandard2.0', 'CustomerTools.dll')
    }
    if ($Version -lt [version]'7.4') {
        throw "CustomerTools needs PowerShell 7.4 or later (this is $Version). Install the current PowerShell from https://aka.ms/powershell, or use Windows PowerShell 5.1."
    }
    return [System.IO.Path]::Combine($PSScriptRoot, 'bin', 'net8.0', 'CustomerTools.dll')
}

$binaryModule = Import-Module -Name (Get-CustomerToolsAssemblyPath) -PassThru -ErrorAction Stop

$ExecutionContext.SessionState.Module.OnRemove = {
    Remove-Module -ModuleInfo $binaryModule -ErrorAction SilentlyContinue
}.GetNewClosure()
