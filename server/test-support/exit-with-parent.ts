/**
 * Loaded into servers that tests spawn (`node --import`): their stdin is a pipe from the test
 * process, which closes however that process ends, even killed by a timeout. The server then
 * ends too, instead of living on without anyone to stop it.
 */
process.stdin.on('end', () => process.exit(1)).resume();
