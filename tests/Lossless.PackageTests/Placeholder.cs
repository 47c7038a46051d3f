namespace Lossless.PackageTests;
