// Preloaded (--import) into the bench's child processes, which are started with an IPC
// channel: when the bench dies without stopping them (kill -9), the channel closes and the
// child stops itself as on Ctrl-C instead of running on alone. Plain JavaScript: the worker's
// workflow threads inherit the preloads, and TypeScript is not loadable there.
if (process.channel) {
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
