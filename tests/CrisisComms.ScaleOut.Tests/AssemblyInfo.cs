// Each class runs its own redis-server and nodes, which mostly wait on each other: running the
// classes side by side keeps the project's run short even on two cores.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
