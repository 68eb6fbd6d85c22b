using System;
using System.Management.Automation.Runspaces;
using Microsoft.PowerShell;

// pwsh for this repo: the SDK's console shell with the default session state users have
// (every built-in cmdlet), taking pwsh's own command line (-NoProfile, -Command, -File, ...).
var state = InitialSessionState.CreateDefault();
if (OperatingSystem.IsWindows())
{
    // pwsh's default there; elsewhere execution policies do not exist and setting one throws.
    state.ExecutionPolicy = ExecutionPolicy.RemoteSigned;
}

return ConsoleShell.Start(state, "PowerShell (Microsoft.PowerShell.SDK), the CustomerTools development shell", helpText: null, args);
