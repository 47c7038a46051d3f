namespace Lossless.DataTests;
