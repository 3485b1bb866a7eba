/* echo_server: the ceiling for riskd's socket and framing work.
 *
 * Listens on a Unix stream socket and writes every byte it reads straight back, one thread per connection. A
 * NUL-terminated Varlink frame sent to it comes back as its own "reply", so load_client measures what the kernel
 * and the framing cost with no JSON, no dispatch and no database: the limit riskd's risk.Get is compared with.
 *
 * Usage: echo_server SOCKET_PATH        (built by `make bench` into .build/bench) */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static void *echo_connection(void *argument) {
    int connection = (int)(long)argument;
    char buffer[1 << 16];
    ssize_t received;
    while ((received = read(connection, buffer, sizeof buffer)) > 0) {
        for (ssize_t sent = 0; sent < received;) {
            ssize_t written = write(connection, buffer + sent, (size_t)(received - sent));
            if (written <= 0) {
                close(connection);
                return NULL;
            }
            sent += written;
        }
    }
    close(connection);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: echo_server SOCKET_PATH\n");
        return 2;
    }
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    if (strlen(argv[1]) >= sizeof address.sun_path) {
        fprintf(stderr, "echo_server: socket path too long\n");
        return 2;
    }
    strcpy(address.sun_path, argv[1]);
    int listener = socket(AF_UNIX, SOCK_STREAM, 0);
    unlink(argv[1]);
    if (listener < 0 || bind(listener, (struct sockaddr *)&address, sizeof address) != 0 ||
        listen(listener, 512) != 0) {
        perror("echo_server");
        return 1;
    }
    for (;;) {
        int connection = accept(listener, NULL, NULL);
        if (connection < 0) continue;
        pthread_t thread;
        if (pthread_create(&thread, NULL, echo_connection, (void *)(long)connection) != 0) {
            close(connection);
            continue;
        }
        pthread_detach(thread);
    }
}
