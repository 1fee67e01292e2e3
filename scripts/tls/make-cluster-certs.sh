#!/usr/bin/env bash
# Makes the mutual-TLS material of one Orleans cluster (docs/operations.md, "Orleans TLS") with openssl, in OUT_DIR:
#   ca.crt, ca.key      a CA dedicated to this cluster (keep ca.key offline: whoever holds it can join the cluster);
#   cluster.crt/.key    a certificate it issued, for silos and Gateways alike (serverAuth + clientAuth).
# Usage: scripts/tls/make-cluster-certs.sh OUT_DIR [DAYS]   (DAYS: leaf validity, default 90; the CA gets 10 years).
# An existing ca.crt/ca.key in OUT_DIR is reused, so running it again issues a new leaf from the same CA (rotation).
set -euo pipefail
out="${1:?usage: make-cluster-certs.sh OUT_DIR [DAYS]}"
days="${2:-90}"
command -v openssl >/dev/null || { echo "make-cluster-certs.sh: openssl is missing (Debian: apt-get install openssl)" >&2; exit 1; }
mkdir -p "$out"
umask 077
if [[ ! -f "$out/ca.key" ]]; then
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -subj "/CN=acoustic-distill orleans CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$out/ca.key" -out "$out/ca.crt" 2>/dev/null
fi
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=acoustic-distill orleans" \
  -keyout "$out/cluster.key" -out "$out/cluster.csr" 2>/dev/null
openssl x509 -req -in "$out/cluster.csr" -CA "$out/ca.crt" -CAkey "$out/ca.key" -CAcreateserial -days "$days" \
  -extfile <(printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\n') \
  -out "$out/cluster.crt" 2>/dev/null
rm -f "$out/cluster.csr"
chmod 644 "$out/ca.crt" "$out/cluster.crt"
echo "$out: ca.crt ca.key cluster.crt cluster.key (leaf valid $days days)"
