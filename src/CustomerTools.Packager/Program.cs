using System;
using System.IO;
using CustomerTools.Packager;

// dotnet CustomerTools.Packager.dll <module folder> <output folder>
if (args.Length != 2 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: CustomerTools.Packager <module folder> <output folder>");
    return 2;
}

try
{
    Console.WriteLine("Packed " + GalleryPackage.Write(args[0], args[1]));
    return 0;
}
catch (FormatException e)
{
    Console.Error.WriteLine($"{Path.Combine(args[0], Path.GetFileName(Path.TrimEndingDirectorySeparator(args[0])) + ".psd1")}: error CTPACK: {e.Message}");
    return 1;
}
