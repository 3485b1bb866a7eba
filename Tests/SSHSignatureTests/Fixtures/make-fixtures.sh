#!/bin/sh
# Makes the SSHSignatureTests fixtures with the real ssh-keygen: one key of each type riskd verifies, signatures of
# message.txt by each, and signatures riskd must refuse. The private keys live in a temporary directory and are
# thrown away; only public keys and signatures are kept. Run from this directory: sh make-fixtures.sh
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf 'riskd test statement\nDate: 2026-12-06\n' > message.txt
ssh-keygen -q -t ed25519 -N '' -C 'ana@example.org' -f "$dir/ed25519"
ssh-keygen -q -t ecdsa -b 256 -N '' -C 'ana@example.org' -f "$dir/ecdsa"
ssh-keygen -q -t rsa -b 3072 -N '' -C 'ana@example.org' -f "$dir/rsa"
ssh-keygen -q -t ecdsa -b 384 -N '' -f "$dir/ecdsa384"
ssh-keygen -q -t rsa -b 1024 -N '' -f "$dir/rsa1024"
for key in ed25519 ecdsa rsa ecdsa384 rsa1024; do cp "$dir/$key.pub" "$key.pub"; done
sign() { # key namespace output [options]
    key=$1 namespace=$2 output=$3
    shift 3
    ssh-keygen -q -Y sign -n "$namespace" -f "$dir/$key" "$@" < message.txt > "$output"
}
sign ed25519 riskd ed25519.sig
sign ecdsa riskd ecdsa.sig
sign rsa riskd rsa.sig
sign rsa riskd rsa-sha256.sig -O hashalg=sha256
sign ed25519 git ed25519-namespace-git.sig
sign ecdsa384 riskd ecdsa384.sig
# Every good signature verifies with OpenSSH itself, so the fixtures cannot be wrong in the same way as the code.
for key in ed25519 ecdsa rsa; do
    printf 'ana namespaces="riskd" %s\n' "$(cut -d' ' -f1,2 "$key.pub")" > "$dir/allowed"
    ssh-keygen -q -Y verify -f "$dir/allowed" -I ana -n riskd -s "$key.sig" < message.txt
done
ssh-keygen -q -Y verify -f "$dir/allowed" -I ana -n riskd -s rsa-sha256.sig < message.txt
# The fingerprints as OpenSSH prints them, one "KEY FINGERPRINT" a line.
for key in ed25519 ecdsa rsa; do printf '%s %s\n' "$key" "$(ssh-keygen -lf "$key.pub" | cut -d' ' -f2)"; done > fingerprints.txt
