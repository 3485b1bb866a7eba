/* load_client: closed-loop load on a NUL-framed Varlink socket, riskd's or echo_server's.
 *
 * CONNECTIONS threads each connect, then for SECONDS send FRAME (with its NUL terminator) and wait for one
 * NUL-terminated reply before sending the next. Prints one line of key=value figures: requests per second, the
 * 50th and 99th percentile and the largest latency in microseconds, and how many replies were errors (a reply
 * holding "error", or a broken connection). Exits 1 when there was any error, so a benchmark never counts refusals
 * as throughput.
 *
 * Usage: load_client SOCKET_PATH CONNECTIONS SECONDS FRAME      (built by `make bench` into .build/bench) */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define MAX_SAMPLES 2000000

static const char *socket_path;
static const char *frame;      /* the request, including its terminating NUL */
static size_t frame_bytes;     /* strlen(frame) + 1 */
static volatile int stopping;

struct worker {
    pthread_t thread;
    long replies, errors;
    unsigned *latencies_us;
    long samples;
};

static double seconds_now(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static int send_all(int connection, const char *bytes, size_t count) {
    for (size_t sent = 0; sent < count;) {
        ssize_t written = write(connection, bytes + sent, count - sent);
        if (written <= 0) return -1;
        sent += (size_t)written;
    }
    return 0;
}

static void *run_worker(void *argument) {
    struct worker *worker = argument;
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    strncpy(address.sun_path, socket_path, sizeof address.sun_path - 1);
    int connection = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connection < 0 || connect(connection, (struct sockaddr *)&address, sizeof address) != 0) {
        perror("load_client: connect");
        worker->errors++;
        return NULL;
    }
    size_t capacity = 1 << 20;
    char *reply = malloc(capacity + 1);
    while (!stopping && reply) {
        double started = seconds_now();
        if (send_all(connection, frame, frame_bytes) != 0) {
            worker->errors++;
            break;
        }
        size_t received = 0;
        for (;;) {
            ssize_t count = read(connection, reply + received, capacity - received);
            if (count <= 0) {
                worker->errors++;
                goto done;
            }
            received += (size_t)count;
            if (reply[received - 1] == '\0') break;
            if (received == capacity) { /* a reply larger than the buffer: count it, keep the tail only */
                received = 0;
            }
        }
        reply[received] = '\0';
        if (strstr(reply, "\"error\"")) worker->errors++;
        else worker->replies++;
        if (worker->samples < MAX_SAMPLES)
            worker->latencies_us[worker->samples++] = (unsigned)((seconds_now() - started) * 1e6);
    }
done:
    free(reply);
    close(connection);
    return NULL;
}

static int compare_unsigned(const void *a, const void *b) {
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: load_client SOCKET_PATH CONNECTIONS SECONDS FRAME\n");
        return 2;
    }
    socket_path = argv[1];
    int connections = atoi(argv[2]);
    double duration = atof(argv[3]);
    if (connections < 1 || duration <= 0) {
        fprintf(stderr, "load_client: CONNECTIONS and SECONDS must be positive\n");
        return 2;
    }
    frame = argv[4];
    frame_bytes = strlen(argv[4]) + 1; /* the NUL that ends a Varlink message */

    struct worker *workers = calloc((size_t)connections, sizeof *workers);
    for (int i = 0; i < connections; i++) {
        workers[i].latencies_us = malloc(sizeof(unsigned) * MAX_SAMPLES);
        pthread_create(&workers[i].thread, NULL, run_worker, &workers[i]);
    }
    double started = seconds_now();
    usleep((useconds_t)(duration * 1e6));
    stopping = 1;
    long replies = 0, errors = 0, samples = 0;
    for (int i = 0; i < connections; i++) {
        pthread_join(workers[i].thread, NULL);
        replies += workers[i].replies;
        errors += workers[i].errors;
        samples += workers[i].samples;
    }
    double elapsed = seconds_now() - started;
    unsigned *all = malloc(sizeof(unsigned) * (size_t)(samples ? samples : 1));
    long filled = 0;
    for (int i = 0; i < connections; i++) {
        memcpy(all + filled, workers[i].latencies_us, sizeof(unsigned) * (size_t)workers[i].samples);
        filled += workers[i].samples;
    }
    qsort(all, (size_t)samples, sizeof *all, compare_unsigned);
    printf("connections=%d seconds=%.1f ok=%ld errors=%ld rps=%.0f p50_us=%u p99_us=%u max_us=%u\n", connections,
           elapsed, replies, errors, replies / elapsed, samples ? all[samples / 2] : 0,
           samples ? all[(long)(samples * 0.99)] : 0, samples ? all[samples - 1] : 0);
    return errors ? 1 : 0;
}
