// Every test here runs dotnet pack/build on the same projects and folders (src/ bin and obj, artifacts/,
// samples/): running them side by side would make them race on those files.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
