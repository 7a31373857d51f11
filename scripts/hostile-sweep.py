#!/usr/bin/env python3
"""Hostile-input sweep over every apitool command (issue 11). A tool to re-run, not part of the test suite (minutes).

Run:   mvn -B -ntp -q -o -DskipTests package && scripts/hostile-sweep.py [-j 2] [FILTER ...]
       JAR=/path/apitool.jar scripts/hostile-sweep.py  (default: target/apitool.jar); FILTER runs only cases whose
       name or arguments contain one of the words. Exit 0 when no case failed, 1 otherwise.
What it does: generates its inputs in a fresh temp dir (removed at the end; nothing large is committed), starts a
hostile HTTP server on 127.0.0.1 (CL+TE responses, control chars in headers and health component names, a 25 MB JSON
body, a 70 MB body, a server that never answers) and runs each case as `java -cp JAR dev.apitool.cli.Main ...` with
HOME in the temp dir, only loopback URLs, a per-run timeout and stdout capped by RLIMIT_FSIZE; it kills only the
processes it started.
What it flags per run: exit 4 (or any code > 4 but 130), a hang past the timeout (default 40 s) or past the case's own
limit (size caps: 10 s), max RSS past 500 MB (/usr/bin/time), a leaked secret (every planted secret contains SEKRIT; stdout,
stderr and every file the run wrote are searched), raw control characters (C0 but tab/newline/CR, DEL, bidi overrides)
in stdout/stderr, Java internals in output (exception class names, `For input string`, `[Source:`, stack frames; not
with --verbose), an exit code other than the case's expected one, and case-specific checks (a device or FIFO still
there after an output flag wrote to it, a missing parent not created, a request with a control char never sent, ...).
Prints one line per run, then the failures, the slow runs and the max RSS.
"""
import argparse, base64, concurrent.futures as cf, hashlib, hmac, json, os, re, resource, shutil, signal, socket
import socketserver, stat, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.environ.get('JAR', os.path.join(ROOT, 'target', 'apitool.jar'))
JAVA = ['java', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-XX:-UsePerfData', '-cp', JAR, 'dev.apitool.cli.Main']
HARD_TIMEOUT = 40
RSS_CAP_KB = 500 * 1024
STDOUT_CAP = 256 << 20
MARK = 'SEKRIT'
INTERNALS = re.compile(r'For input string|InvocationTargetException|out of range of int|BufferUnderflow|'
                       r'Index -?\d+ out of bounds|\[Source: |JsonReadFeature|got \'e1\'|\.tmp\b|[a-z]\.[A-Za-z.]*(Exception|Error)\b|'
                       r'\tat [a-z]|NullPointer|ClassCast|NumberFormat|hold -\d')
RAW_CONTROL = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]')


# ---------------------------------------------------------------- hostile server (loopback only)
class Hostile(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    hits = {}
    lock = threading.Lock()


BIG_JSON = b'{"status":"UP","pad":"' + b'x' * (25 << 20) + b'"}'
ACTUATOR = json.dumps({'status': 'DOWN', 'components': {'db\x1b[31m\u202e': {'status': 'DOWN'}}}).encode()


def respond(path):
    """Raw bytes of the response for PATH (None: never answer)."""
    def plain(body, ctype=b'application/json', extra=b''):
        return b'HTTP/1.1 200 OK\r\nContent-Type: ' + ctype + b'\r\nContent-Length: ' + str(len(body)).encode() + b'\r\n' + extra + b'\r\n' + body
    p = path.split('?')[0]
    if p.startswith('/never'):
        return None
    if p.startswith('/clte'):
        return b'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n'
    if p.startswith('/ctrlhdr'):
        return plain(b'{"status":"UP"}', extra=b'X-Bad: a\x1b[2Jb\x01\r\n')
    if p.startswith('/actuator'):
        return b'HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: ' + \
            str(len(ACTUATOR)).encode() + b'\r\n\r\n' + ACTUATOR
    if p.startswith('/bigjson'):
        return plain(BIG_JSON)
    if p.startswith('/huge'):
        return 'huge'
    if p.startswith('/redirect'):
        return b'HTTP/1.1 302 Found\r\nLocation: http://u:SEKRITloc@127.0.0.1:9/x?token=SEKRITloc\r\nContent-Length: 0\r\n\r\n'
    if p.startswith('/idem'):
        return b'HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n{"id":"%012d"}' % (time.time_ns() % 10 ** 12)
    return plain(b'{"status":"UP"}')


class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        s = self.request
        s.settimeout(30)
        buf = b''
        try:
            while True:
                while b'\r\n\r\n' not in buf:
                    d = s.recv(65536)
                    if not d:
                        return
                    buf += d
                    if len(buf) > 1 << 20:
                        return
                head, buf = buf.split(b'\r\n\r\n', 1)
                lines = head.split(b'\r\n')
                path = lines[0].split(b' ')[1].decode('latin-1') if len(lines[0].split(b' ')) > 1 else '/'
                cl = 0
                for ln in lines[1:]:
                    if ln.lower().startswith(b'content-length:'):
                        cl = int(ln.split(b':', 1)[1].strip() or 0)
                while len(buf) < cl:
                    d = s.recv(65536)
                    if not d:
                        return
                    buf += d
                buf = buf[cl:]
                with Hostile.lock:
                    key = path.split('?')[0]
                    Hostile.hits[key] = Hostile.hits.get(key, 0) + 1
                r = respond(path)
                if r is None:
                    time.sleep(25)
                    return
                if r == 'huge':
                    s.sendall(b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n' % (70 << 20))
                    chunk = b'x' * (1 << 20)
                    for _ in range(70):
                        s.sendall(chunk)
                    continue
                s.sendall(r)
        except OSError:
            pass


def hits(path):
    with Hostile.lock:
        return Hostile.hits.get(path, 0)


# ---------------------------------------------------------------- tokens
def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b'=').decode()


def hs256(header_bytes, payload_bytes, key):
    si = b64u(header_bytes) + '.' + b64u(payload_bytes)
    return si + '.' + b64u(hmac.new(key, si.encode(), hashlib.sha256).digest())


# ---------------------------------------------------------------- cases
class Case:
    def __init__(self, name, args, stdin=None, want=None, limit=None, check=None, env=None, outputs=()):
        self.name, self.args, self.stdin, self.want, self.limit = name, args, stdin, want, limit
        self.check, self.env, self.outputs = check, env or {}, outputs


CASES = []


def case(name, args, **kw):
    CASES.append(Case(name, [str(a) for a in args], **kw))


def write(T, name, data):
    path = os.path.join(T, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path


def build(T, port):
    """Writes the inputs under T and registers the cases."""
    U = 'http://127.0.0.1:%d' % port
    SECRET = 'k' * 40
    SEED_SPEC = os.path.join(ROOT, 'examples/pipeline/seed.yaml')
    SEED_SCRIPT = os.path.join(ROOT, 'examples/ratelimit/seed.ndjson')
    # hostile files
    f = {}
    f['huge_line'] = write(T, 'huge_line.txt', 'a' * (20 << 20))
    f['binary'] = write(T, 'binary.bin', bytes(range(256)) * 4096)
    f['nested_json'] = write(T, 'nested.json', '[' * 200000 + ']' * 200000)
    f['nested_obj'] = write(T, 'nested_obj.json', '{"a":' * 100000 + '1' + '}' * 100000)
    f['nested_yaml'] = write(T, 'nested.yaml', 'a: [' * 100000 + ']' * 100000)
    f['invalid_utf8'] = write(T, 'invalid_utf8.yaml', b'endpoints:\n  - name: a\xff\xfe\n    url: http://127.0.0.1:9/\n')
    f['invalid_utf8_nd'] = write(T, 'invalid_utf8.ndjson', b'{"t": 0, "key": "a\xc3\x28"}\n')
    f['ctrl_yaml'] = write(T, 'ctrl.yaml', 'endpoints:\n  - name: "a\\e[31m\u202e"\n    url: http://127.0.0.1:9/\n    \x1bkey: 1\n')
    f['ctrl_csv'] = write(T, 'ctrl.csv', 't,key\x1b[31m\n0,a\n')
    f['empty'] = write(T, 'empty.txt', '')
    f['nul'] = write(T, 'nul.txt', '\0' * 1000)
    f['big_yaml'] = write(T, 'big.yaml', 'endpoints:\n  - name: "' + 'x' * (8 << 20) + '"\n    url: http://127.0.0.1:9/\n')
    f['big_json_spec'] = write(T, 'big.json', '{"t": 0, "key": "' + 'x' * (8 << 20) + '"}\n')
    f['twodocs'] = write(T, 'twodocs.yaml', 'endpoints:\n  - {name: a, url: "http://127.0.0.1:9/"}\n---\nendpoints: []\n')
    f['alias'] = write(T, 'alias.yaml', 'x: &e1 {name: a, url: "http://127.0.0.1:9/"}\nendpoints: [*e1, *e1]\n')
    f['dupkey'] = write(T, 'dupkey.yaml', 'endpoints:\n  - name: a\n    name: b\n    url: http://127.0.0.1:9/\n')
    f['dir'] = T
    f['missing'] = os.path.join(T, 'missing.file')
    body70 = os.path.join(T, 'body70.bin')
    with open(body70, 'wb') as b:
        b.truncate(70 << 20)                      # sparse: no disk used
    files_all = ['/dev/zero', f['huge_line'], f['binary'], f['nested_json'], f['nested_obj'], f['nested_yaml'], f['invalid_utf8'],
                 f['invalid_utf8_nd'], f['ctrl_yaml'], f['ctrl_csv'], f['empty'], f['nul'], f['big_yaml'], f['big_json_spec'], f['dir'], f['missing']]
    capped = ['/dev/zero', f['huge_line'], f['big_yaml'], f['big_json_spec']]

    def want_for(path):
        return {2} if path in capped else None

    # --- Bounded input: every file-reading flag over every hostile file
    for p in files_all + [f['twodocs'], f['alias'], f['dupkey']]:
        case('bounded health -f', ['health', '-f', p, '--check-config'], want={2}, limit=10)
    for p in files_all:
        case('bounded simulate --script', ['ratelimit', 'simulate', '--policy', 'token-bucket:capacity=5,rate=2/s', '--script', p,
                                           '--format', 'csv' if p.endswith('.csv') else 'ndjson'], want=want_for(p), limit=10)
        case('bounded pipeline check', ['pipeline', 'check', p], want={2}, limit=10)
        case('bounded pipeline run', ['pipeline', 'run', p, 'GET', '/x'], want={2}, limit=10)
        case('bounded load --targets', ['load', U + '/', '--targets', p, '-n', '1', '--timeout', '200ms'], want={2}, limit=10)
        case('bounded load merge', ['load', 'merge', p], want={2}, limit=10)
        case('bounded idempotency --from', ['idempotency', 'replay', U + '/idem', '--from', p], want={2}, limit=10)
        case('bounded jwt --key', ['jwt', 'verify', 'a.b.c', '--key', p], want={2}, limit=10)
        case('bounded jwt sign --key', ['jwt', 'sign', '--key', p, '--sub', 'x'], want={2}, limit=10)
    for p in ['/dev/zero', f['binary'], f['huge_line'], f['dir'], f['missing']]:
        case('bounded --secret @', ['jwt', 'verify', 'a.b.c', '--secret', '@' + p], want={2} if p != f['binary'] else None, limit=10)
        case('bounded --cacert', ['health', '--cacert', p, 'https://127.0.0.1:9/'], want={2} if p != f['binary'] else None, limit=10)
        case('bounded load --body @', ['load', '-n', '1', '--timeout', '200ms', '--body', '@' + p, U + '/'],
             want={2} if p in ('/dev/zero', f['dir'], f['missing']) else None, limit=20)
        case('bounded jwt sign payload @', ['jwt', 'sign', '--secret', SECRET, '@' + p], want={2}, limit=10)
    case('bounded --body 70MB', ['load', '-n', '1', '--body', '@' + body70, U + '/'], want={2}, limit=10)
    case('bounded health --body 70MB', ['health', '--body', '@' + body70, U + '/'], want={2}, limit=10)
    case('bounded token stdin /dev/zero', ['jwt', 'verify', '--secret', SECRET], stdin='/dev/zero', want={2}, limit=10)
    case('bounded token stdin huge', ['jwt', 'decode', '-'], stdin=f['huge_line'], want={2}, limit=10)
    case('bounded secret stdin', ['jwt', 'sign', '--secret', '-'], stdin='/dev/zero', want={2}, limit=10)
    case('bounded body stdin', ['load', '-n', '1', '--body', '-', U + '/'], stdin='/dev/zero', want={2}, limit=10)
    case('bounded health -f stdin', ['health', '-f', '-', '--check-config'], stdin='/dev/zero', want={2}, limit=10)
    case('bounded simulate stdin', ['ratelimit', 'simulate', '--policy', 'gcra:rate=1/s', '--script', '-', '--format', 'ndjson'],
         stdin='/dev/zero', want={2}, limit=10)
    for p in ['/dev/zero', f['binary'], f['huge_line']]:
        case('bounded shell stdin', ['shell'], stdin=p, limit=15)

    # --- Secrets: in URLs, headers and query strings, in every output format
    sec_url = U + '/%s?api_key=SEKRITq1&access_token=SEKRITq2&signature=SEKRITq3&X-Amz-Signature=SEKRITq4'
    user_url = 'http://user:SEKRITpw@127.0.0.1:%d/%%s' % port
    tok_url = 'http://SEKRITtok@127.0.0.1:%d/%%s' % port
    hdrs = ['-H', 'Authorization: Bearer SEKRIThdr', '-H', 'X-Api-Key: SEKRITkey', '-H', 'Cookie: sid=SEKRITcookie',
            '-H', 'Proxy-Authorization: Basic SEKRITproxy']
    fmts = [[], ['--output', 'json'], ['--verbose'], ['--output', 'json', '--verbose']]
    for path in ['ok', 'never', 'clte', 'ctrlhdr', 'redirect']:
        for url in [sec_url % path, user_url % path, tok_url % path, 'http://u:SEKRITpw@127.0.0.1:9/x?token=SEKRITq']:
            rep = os.path.join(T, 'out', 'h-%d.json' % len(CASES))
            junit = os.path.join(T, 'out', 'h-%d.xml' % len(CASES))
            for fm in fmts + [['--output', 'junit']]:
                case('secrets health', ['health', url, '--timeout', '300ms'] + hdrs + fm + ['--report', 'json=' + rep, '--report', 'junit=' + junit],
                     outputs=(rep, junit))
            html = os.path.join(T, 'out', 'l-%d.html' % len(CASES))
            hlog = os.path.join(T, 'out', 'l-%d.hlog' % len(CASES))
            lrep = os.path.join(T, 'out', 'l-%d.json' % len(CASES))
            for fm in fmts:
                case('secrets load', ['load', url, '-n', '4', '-c', '2', '--timeout', '300ms'] + hdrs + fm +
                     ['--html', html, '--hdr-log', hlog, '--report', 'json=' + lrep], outputs=(html, hlog, lrep))
            if path in ('ok', 'never'):
                irep = os.path.join(T, 'out', 'i-%d.xml' % len(CASES))
                for fm in fmts + [['--output', 'junit']]:
                    case('secrets idempotency', ['idempotency', 'replay', url.replace('/ok', '/idem'), '--timeout', '300ms', '--repeat', '2',
                                                 '--concurrency', '2'] + hdrs + fm + ['--report', 'junit=' + irep], outputs=(irep,), limit=35)
    for bad in ['http://u:SEKRITpw@127.0.0.1:%d/%%zz' % port, 'http://u:SEKRITpw@127.0.0.1:99999/', 'http://SEKRITtok@[::1/',
                'http://u:SEKRITpw@ex ample/', 'ftp://u:SEKRITpw@127.0.0.1/', U + '/x?api_key=SEKRITq&%zz']:
        for fm in [[], ['--verbose']]:
            case('secrets bad url health', ['health', bad] + fm, want={1, 2})
            case('secrets bad url load', ['load', '-n', '1', bad] + fm, want={1, 2})
            case('secrets bad url idempotency', ['idempotency', 'replay', bad] + fm, want={1, 2})
            case('secrets bad url pipeline proxy', ['pipeline', 'run', write(T, 'proxy-%d.yaml' % len(CASES),
                 'apiVersion: apitool/v1\nservices:\n  up: {type: http-client, url: "%s"}\nroutes:\n  - {method: GET, path: /, name: p, '
                 'handler: {type: proxy, upstream: up}}\n' % bad), 'GET', '/'] + fm, want={1, 2})
    for h in ['Authorization Bearer SEKRIThdr', 'Authorization:Bearer SEKRIThdr\x01', 'Cookie sid=SEKRITcookie', 'X-Api-Key SEKRITkey']:
        for fm in [[], ['--verbose']]:
            case('secrets bad header health', ['health', '-H', h, U + '/ok'] + fm, want={2})
            case('secrets bad header load', ['load', '-n', '1', '-H', h, U + '/ok'] + fm, want={2})
            case('secrets bad header idempotency', ['idempotency', 'replay', '-H', h, U + '/idem'] + fm, want={2})
            case('secrets bad header pipeline run', ['pipeline', 'run', SEED_SPEC, 'GET', '/api/users', '-H', h] + fm, want={1, 2},
                 env={'API_JWT_SECRET': SECRET})
    # ${VAR} secrets in a health config, good and malformed URLs
    env_pw = {'PW': 'SEKRITenv', 'TOK': 'SEKRITenvtok'}
    for url in ['http://u:${PW}@127.0.0.1:%d/never' % port, 'http://u:${PW}@[bad/', 'http://u:${PW}@127.0.0.1:99999/',
                'http://${TOK}@127.0.0.1:%d/ok?token=${TOK}' % port]:
        cfg = write(T, 'envcfg-%d.yaml' % len(CASES), 'endpoints:\n  - name: a\n    url: "%s"\n    timeout: 300ms\n    headers:\n'
                    '      Authorization: "Bearer ${TOK}"\n' % url)
        for fm in [['--check-config'], [], ['--output', 'json'], ['--output', 'junit'], ['--verbose']]:
            case('secrets health config ${VAR}', ['health', '-f', cfg] + fm, env=env_pw)
    # targets / recorded calls with secrets
    tg = write(T, 'secret-targets.ndjson', '{"url": "%s/never?api_key=SEKRITq", "headers": {"Authorization": "Bearer SEKRIThdr"}}\n'
               '{"url": "http://u:SEKRITpw@127.0.0.1:%d/clte"}\n' % (U, port))
    for fm in [[], ['--output', 'json'], ['--verbose']]:
        case('secrets load --targets', ['load', U, '--targets', tg, '-n', '4', '--timeout', '300ms'] + fm)
        case('secrets idempotency --from', ['idempotency', 'replay', U, '--from', tg, '--timeout', '300ms'] + fm, limit=35)
    # pipeline run: echo and logging with credentials
    spec = write(T, 'echo.yaml', 'apiVersion: apitool/v1\nmiddleware:\n  - logging\n  - {type: logging, name: jlog, format: json}\nroutes:\n'
                 '  - {method: GET, path: /e, name: e, handler: echo}\n  - {method: POST, path: /e, name: ep, handler: echo}\n')
    for fm in [[], ['--output', 'json'], ['--trace'], ['--verbose']]:
        case('secrets pipeline run echo', ['pipeline', 'run', spec, 'GET', '/e?api_key=SEKRITq&token=SEKRITq2'] + hdrs + fm, want={0})
        case('secrets pipeline run body', ['pipeline', 'run', spec, 'POST', '/e', '--body', '{"password":"hunter2"}',  # echo answers the body as sent
                                           '-H', 'Content-Type: application/json'] + fm, want={0})
    # jwt: secrets given on the command line never echoed
    for fm in [[], ['--verbose'], ['--output', 'json']]:
        case('secrets jwt weak', ['jwt', 'sign', '--secret', 'SEKRITshort'] + fm, want={2})
        case('secrets jwt verify bad', ['jwt', 'verify', 'a.b.c', '--secret', 'SEKRIT' + 'x' * 40] + fm, want={1})
        case('secrets jwt key text', ['jwt', 'verify', 'a.b.c', '--key', '-----BEGIN PRIVATE KEY-----\nSEKRITpem\n-----END PRIVATE KEY-----'] + fm,
             want={2})
        case('secrets jwt b64 bad', ['jwt', 'verify', 'a.b.c', '--secret', 'b64:SEKRIT!!'] + fm, want={2})
    # shell
    sh = write(T, 'secret-shell.txt', 'set secret SEKRIT%s\nset token SEKRITtoken\nshow settings\njwt sign --sub a --secret SEKRITshort\n'
               'health http://u:SEKRITpw@127.0.0.1:9/ --timeout 200ms\nhealth -H "Authorization Bearer SEKRIThdr" %s/ok\n'
               'load -n 1 %s/ok?api_key=SEKRITq -H "Cookie: a=SEKRITc"\nset url http://u:SEKRITpw@127.0.0.1:%d\nshow settings\njobs\n'
               % ('x' * 40, U, U, port))
    case('secrets shell', ['shell', '--keep-going'], stdin=sh)
    case('secrets shell verbose', ['--verbose', 'shell', '--keep-going'], stdin=sh)

    # --- Control characters: in files, arguments and server answers
    ctrl = '\x1b[31m\u202e\x07'
    case('ctrl csv header', ['ratelimit', 'simulate', '--policy', 'gcra:rate=1/s', '--script', f['ctrl_csv'], '--format', 'csv'], want={2})
    case('ctrl yaml key', ['health', '-f', f['ctrl_yaml'], '--check-config'], want={2})
    case('ctrl actuator component', ['health', U + '/actuator'], want={1})
    case('ctrl actuator component json', ['health', U + '/actuator', '--output', 'junit'], want={1})
    case('ctrl response header', ['health', U + '/ctrlhdr', '--verbose'])
    case('ctrl response header load', ['load', U + '/ctrlhdr', '-n', '3', '--verbose'])
    case('ctrl url', ['health', 'http://127.0.0.1:9/' + ctrl], want={1, 2})
    case('ctrl url load', ['load', '-n', '1', 'http://127.0.0.1:9/' + ctrl], want={1, 2})
    case('ctrl policy', ['ratelimit', 'simulate', '--policy', ctrl + ':a=1', '--script', SEED_SCRIPT], want={2})
    case('ctrl policy key', ['ratelimit', 'simulate', '--policy', 'gcra:rate=1/s', '--script',
                             write(T, 'bidi.ndjson', '{"t": 0, "key": "a\u202eb\\u001b"}\n'), '--trace'])
    case('ctrl spec key', ['pipeline', 'check', write(T, 'ctrlspec.yaml', 'apiVersion: apitool/v1\n\x1bx: 1\nroutes: []\n')], want={2})
    case('ctrl spec name', ['pipeline', 'routes', write(T, 'ctrlname.yaml', 'apiVersion: apitool/v1\nroutes:\n  - {method: GET, path: "/a\\e",'
                                                       ' name: "n\\e[2J\\u202e", handler: echo}\n')], want={0, 2})
    case('ctrl targets url', ['load', U, '--targets', write(T, 'ctrltg.ndjson', '{"path": "/\\u001b[2J"}\n'), '-n', '1'])
    case('ctrl hdr log', ['load', 'merge', write(T, 'ctrl.hlog', '#[StartTime: 1 (x)]\n#[Histogram log format version 1.3]\n\x1b[2J\n')], want={2})
    case('ctrl jwt header', ['jwt', 'decode', hs256(b'{"alg":"HS256","k\\u001b":"\x1b"}', b'{"sub":"\\u001b[2J\\u202e"}', b'x')], want={2})
    case('ctrl jwt verify', ['jwt', 'verify', hs256(b'{"alg":"HS256"}', b'{"sub":"\\u001b[2J","aud":"\\u202e"}', SECRET.encode()),
                             '--secret', SECRET, '--aud', 'x'], want={1})
    case('ctrl shell line', ['shell', '--keep-going'], stdin=write(T, 'ctrlshell.txt', 'echo \x1b[2J\nhealth \x1b[31m\n\x07\x1b]0;x\x07\nhelp\n'))
    case('ctrl header name', ['health', '-H', '\x1b[2J: a', U + '/ok'], want={2})

    # --- Files: output paths that are devices, FIFOs, directories, under missing parents
    dev = os.path.join(T, 'devnull')
    try:
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))   # our own /dev/null twin: replacing it harms nothing
    except PermissionError:
        dev = None
    fifo = os.path.join(T, 'fifo')
    os.mkfifo(fifo)
    rfd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)

    def drain():
        while True:
            try:
                if not os.read(rfd, 1 << 16):
                    time.sleep(0.05)
            except BlockingIOError:
                time.sleep(0.02)
            except OSError:
                return
    threading.Thread(target=drain, daemon=True).start()
    regular = write(T, 'regular.txt', 'x')
    writers = [('health --report', lambda p: ['health', U + '/ok', '--report', 'json=' + p]),
               ('health --report junit', lambda p: ['health', U + '/ok', '--report', 'junit=' + p]),
               ('load --html', lambda p: ['load', U + '/ok', '-n', '2', '--html', p]),
               ('load --hdr-log', lambda p: ['load', U + '/ok', '-n', '2', '--hdr-log', p]),
               ('load --report', lambda p: ['load', U + '/ok', '-n', '2', '--report', 'json=' + p]),
               ('idempotency --report', lambda p: ['idempotency', 'replay', U + '/idem', '--repeat', '2', '--concurrency', '2',
                                                   '--report', 'json=' + p]),
               ('jwt verify --report', lambda p: ['jwt', 'verify', 'a.b.c', '--secret', SECRET, '--report', 'json=' + p]),
               ('jwt keygen --pub', lambda p: ['jwt', 'keygen', '--alg', 'ES256', '--out', os.path.join(T, 'k-%d.pem' % len(CASES)),
                                               '--pub', p]),
               ('jwt keygen --out', lambda p: ['jwt', 'keygen', '--alg', 'ES256', '--out', p])]

    def still(path, kind):
        def chk(res):
            try:
                m = os.lstat(path).st_mode
            except FileNotFoundError:
                return ['%s is gone' % path]
            return [] if kind(m) else ['%s was replaced (mode %o)' % (path, m)]
        return chk

    def absent(path):
        return lambda res: ['%s was created' % path] if os.path.exists(path) else []
    for name, mk in writers:
        keyout = name == 'jwt keygen --out'
        if dev:
            case('files %s device' % name, mk(dev), check=still(dev, stat.S_ISCHR), want={2} if keyout else None)
        case('files %s fifo' % name, mk(fifo), check=still(fifo, stat.S_ISFIFO), want={2} if keyout else None)
        missing = os.path.join(T, 'nodir-%d' % len(CASES))
        case('files %s missing parent' % name, mk(os.path.join(missing, 'x')), want={2}, check=absent(missing), limit=10)
        case('files %s under a file' % name, mk(os.path.join(regular, 'x')), want={2}, limit=10)
        case('files %s directory' % name, mk(T), want={2}, limit=10)
    case('files load report to /dev/stdout', ['load', U + '/ok', '-n', '2', '--report', 'json=/dev/stdout'])
    return f, U, SECRET, SEED_SPEC, SEED_SCRIPT


def build_more(T, f, U, SECRET, SEED_SPEC, SEED_SCRIPT, port):
    # --- Numbers and ranges: flags
    big = '99999999999999999999'
    for v in [big, '-1', '0', '1e400', 'NaN', 'abc', '9223372036854775808', '\x1b[31m']:
        for args in (['load', '-n', v, '--timeout', '100ms', U + '/ok'], ['load', '-c', v, '-n', '1', U + '/ok'],
                     ['load', '--rate', v + '/s', '-d', '1s', U + '/ok'], ['load', '--threads', v, '-n', '1', U + '/ok'],
                     ['load', '--max-in-flight', v, '--rate', '10/s', '-d', '1s', U + '/ok'], ['health', '--count', v, '--watch', U + '/ok'],
                     ['ratelimit', 'generate', 'constant:rate=' + v + '/s,duration=1s'], ['ratelimit', 'generate', 'poisson:rate=10/s,duration=' + v],
                     ['ratelimit', 'simulate', '--policy', 'gcra:rate=1/s,burst=' + v, '--script', SEED_SCRIPT],
                     ['ratelimit', 'simulate', '--policy', 'token-bucket:capacity=' + v + ',rate=1/s', '--script', SEED_SCRIPT],
                     ['ratelimit', 'simulate', '--max-events', v, '--policy', 'gcra:rate=1/s', '--script', SEED_SCRIPT],
                     ['idempotency', 'replay', '--repeat', v, U + '/idem'], ['idempotency', 'replay', '--concurrency', v, U + '/idem'],
                     ['pipeline', 'serve', '--port', v, SEED_SPEC], ['pipeline', 'serve', '--max-body', v, SEED_SPEC],
                     ['pipeline', 'serve', '--max-header', v, SEED_SPEC], ['pipeline', 'serve', '--threads', v, SEED_SPEC],
                     ['jwt', 'sign', '--secret', SECRET, '--exp', v], ['jwt', 'sign', '--secret', SECRET, '--exp', '@' + v],
                     ['jwt', 'sign', '--secret', SECRET, '--claim', 'exp:=' + v], ['jwt', 'keygen', '--alg', 'RS256', '--bits', v],
                     ['jwt', 'verify', 'a.b.c', '--secret', SECRET, '--max-age', v], ['jwt', 'verify', 'a.b.c', '--secret', SECRET, '--at', v],
                     ['load', '--resolve', 'a:' + v + ':127.0.0.1', '-n', '1', 'http://a:1/'], ['load', '--ok-status', v, '-n', '1', U + '/ok'],
                     ['load', '--threshold', 'p99<' + v, '-n', '1', U + '/ok'], ['load', '--stages', v, U + '/ok'],
                     ['load', '--warmup', v, '-n', '1', U + '/ok'], ['load', '--seed', v, '-n', '1', U + '/ok']):
            if args[:2] == ['pipeline', 'serve'] and v == '0' and args[2] == '--port':
                continue                                     # a valid port: it would serve until the timeout
            case('range flag', args, env={'API_JWT_SECRET': SECRET}, want={0, 1, 2} if 'serve' not in args else {2}, limit=20)
    for d in ['99999999999999d', '106752d', '1ns', '0', '-1s', '1e400s']:
        for args in (['jwt', 'verify', 'a.b.c', '--secret', SECRET, '--leeway', d], ['health', U + '/ok', '--watch', '--count', '1', '--interval', d],
                     ['health', U + '/ok', '--timeout', d], ['load', U + '/ok', '-n', '1', '--timeout', d], ['load', U + '/ok', '-d', d],
                     ['load', U + '/ok', '-n', '1', '--max-duration', d], ['load', U + '/ok', '-n', '1', '--jwt-secret', SECRET, '--jwt-ttl', d],
                     ['pipeline', 'run', SEED_SPEC, 'GET', '/', '--timeout', d], ['pipeline', 'serve', SEED_SPEC, '--grace', d],
                     ['pipeline', 'serve', SEED_SPEC, '--header-timeout', d], ['idempotency', 'replay', U + '/idem', '--ttl', d],
                     ['idempotency', 'replay', U + '/idem', '--timeout', d]):
            case('range duration', args, env={'API_JWT_SECRET': SECRET}, want={0, 1, 2} if 'serve' not in args else {2}, limit=20)
    # config values
    for ep in ['retries: 99999999999', 'retries: -1', 'retryBackoff: 99999d', 'retryBackoff: -1s',
               'timeout: 106752d', 'timeout: 0s', 'failureThreshold: 99999999999', 'successThreshold: 0', 'retries: 1e400',
               'retries: [1]', 'timeout: 1e400', 'url: http://127.0.0.1:99999/', 'url: tcp://127.0.0.1:99999']:
        key = ep.split(':')[0]
        body = 'endpoints:\n  - name: a\n    url: %s/never\n    %s\n' % (U, ep) if key != 'url' else 'endpoints:\n  - name: a\n    %s\n' % ep
        cfg = write(T, 'range-%d.yaml' % len(CASES), body)
        case('range health config', ['health', '-f', cfg, '--check-config'], want={2})
        case('range health config run', ['health', '-f', cfg], want={2})
    # retries: 100 with a doubling retryBackoff ends at the health run deadline (Checker.RUN_DEADLINE, 15 min): too long for a
    # sweep; CheckerTest.retries_manyWithLongPauses_stopAtTheRunDeadlineSayingSo drives it with a virtual clock.
    for g in ['constant:rate=1000000000/s,duration=1000d', 'poisson:rate=1000000/s,duration=365d', 'constant:rate=1/ns,duration=1d']:
        case('range ratelimit generate size', ['ratelimit', 'generate', g], want={2}, limit=10)
        case('range simulate --generate size', ['ratelimit', 'simulate', '--policy', 'gcra:rate=1/s', '--generate', g], want={2}, limit=10)
    for p in ['token-bucket:capacity=1,rate=0/s', 'gcra:rate=0/s', 'nginx:rate=0r/s', 'fixed-window:limit=1,window=99999999999999d',
              'sliding-log:limit=1,window=0s', 'concurrency:max=99999999999999999999', 'nginx:rate=1r/s,burst=1e400,delay=-1',
              'x' * 100000, 'gcra:rate=1/s,rate=2/s', 'token-bucket:capacity=1e2,rate=1/s']:
        case('range policy', ['ratelimit', 'simulate', '--policy', p, '--script', SEED_SCRIPT], want={2})
    for mw in ['{type: timeout, after: 99999999999d}', '{type: body-limit, max: 1e400}', '{type: rate-limit, policy: "gcra:rate=0/s"}',
               '{type: idempotency, ttl: -1s}', '{type: cors, max-age: 99999999999999999999}']:
        spec = write(T, 'mw-%d.yaml' % len(CASES), 'apiVersion: apitool/v1\nmiddleware:\n  - %s\nroutes:\n  - {method: GET, path: /, name: r, '
                     'handler: echo}\n' % mw)
        case('range spec middleware', ['pipeline', 'check', spec], want={2})
    for h in ['{type: static, status: 99999999999}', '{type: delay, fixed: 99999d}', '{type: fail, rate: 2.5}', '{type: delay, min: 2s, max: 1s}',
              '{type: collection, items: 1e400}', '{type: counter, start: 1e400}']:
        spec = write(T, 'h-%d.yaml' % len(CASES), 'apiVersion: apitool/v1\nroutes:\n  - {method: GET, path: /, name: r, handler: %s}\n' % h)
        case('range spec handler', ['pipeline', 'check', spec], want={2})
        case('range spec handler run', ['pipeline', 'run', spec, 'GET', '/'], want={2}, limit=20)
    # -n with a server that never answers ends at --max-duration; the default is stated
    case('range load -n never answers', ['load', U + '/never', '-n', '2000', '-c', '1', '--timeout', '1s', '--max-duration', '3s'], want={0, 1},
         limit=15)
    case('range load max-duration default', ['load', '--help'], want={0},
         check=lambda res: [] if re.search(r'--max-duration=DURATION.{0,300}?default: 10m', res['out'], re.S) else ['no 10m default in load --help'])

    # --- Tokens
    key = SECRET.encode()
    hdr = b'{"alg":"HS256","typ":"JWT"}'
    for claims, w in [(b'{"sub":"a","exp":1e400}', {1}), (b'{"sub":"a","exp":1e32}', {1}), (b'{"sub":"a","exp":9223372036854775808}', {1}),
                      (b'{"sub":"a","exp":9223372036854775807}', {1}), (b'{"sub":"a","exp":-1e400}', {1}), (b'{"sub":"a","nbf":"x"}', {1}),
                      (b'{"sub":"a","iat":1e400}', {1}), (b'{"sub":"a","aud":{"a":1}}', {1}), (b'{"sub":"a","aud":5}', {1}),
                      (b'{"sub":"a","aud":["x",5]}', {1}), (b'{"iss":5}', {1}), (b'{"sub":5}', {1}), (b'{"sub":"a","exp":"2099-01-01"}', {1}),
                      (b'\xef\xbb\xbf{"sub":"a"}', {1}), (b'{"sub":"a","sub":"b"}', {1}), (b'{"sub":"a"} x', {1}),
                      (b'{"sub":"a","exp":4102444800}', {0})]:
        tok = hs256(hdr, claims, key)
        case('tokens claims', ['jwt', 'verify', tok, '--secret', SECRET], want=w)
        case('tokens claims decode', ['jwt', 'decode', tok], want={0, 1})
    for h, w in [(b'\xef\xbb\xbf{"alg":"HS256"}', {1}), (b'{"alg":"HS256","alg":"none"}', {1}), (b'{"alg":"HS256","crit":["x"]}', {1}),
                 (b'{"alg":"HS256","jwk":{"kty":"oct","k":"AA"}}', {0}), (b'{"alg":"HS256","x5u":"http://127.0.0.1:9/"}', {0}),
                 (b'{"alg":"HS256","x5c":["AA"]}', {0}), (b'{"alg":"HS256","jku":"http://127.0.0.1:9/"}', {0})]:
        tok = hs256(h, b'{"sub":"a"}', key)
        named = [n for n in ('jwk', 'x5u', 'x5c', 'jku') if ('"%s"' % n).encode() in h]

        def warned(res, named=named):
            return ['no warning naming %s' % n for n in named if n not in res['err']]
        case('tokens header', ['jwt', 'verify', tok, '--secret', SECRET], want=w, check=warned)
    # DER public keys and certificates given as an HMAC secret (HS/RS confusion)
    kd = os.path.join(T, 'keys')
    os.makedirs(kd)
    subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', kd + '/k.pem', '-out', kd + '/c.pem', '-days', '2',
                    '-subj', '/CN=x'], capture_output=True, check=True)
    subprocess.run(['openssl', 'pkey', '-in', kd + '/k.pem', '-pubout', '-outform', 'DER', '-out', kd + '/pub.der'], check=True, capture_output=True)
    subprocess.run(['openssl', 'x509', '-in', kd + '/c.pem', '-outform', 'DER', '-out', kd + '/c.der'], check=True, capture_output=True)
    subprocess.run(['openssl', 'pkey', '-in', kd + '/k.pem', '-pubout', '-out', kd + '/pub.pem'], check=True, capture_output=True)
    for der in ['pub.der', 'c.der', 'pub.pem', 'c.pem']:
        raw = open(os.path.join(kd, der), 'rb').read()
        tok = hs256(hdr, b'{"sub":"a"}', raw)
        case('tokens key confusion b64', ['jwt', 'verify', tok, '--secret', 'b64:' + base64.b64encode(raw).decode()], want={1, 2})
        case('tokens key confusion @', ['jwt', 'verify', tok, '--secret', '@' + os.path.join(kd, der)], want={1, 2})
    k1, k2 = b'a' * 32, b'b' * 32
    jwks = write(T, 'dupkid.json', json.dumps({'keys': [{'kty': 'oct', 'kid': 'k', 'k': b64u(k1)}, {'kty': 'oct', 'kid': 'k', 'k': b64u(k2)}]}))
    for k in (k1, k2):
        case('tokens duplicate kid', ['jwt', 'verify', hs256(b'{"alg":"HS256","kid":"k"}', b'{"sub":"a"}', k), '--key', jwks], want={1, 2})
    case('tokens valid sanity', ['jwt', 'verify', hs256(hdr, b'{"sub":"a"}', key), '--secret', SECRET], want={0})

    # --- Protocol
    case('protocol CL+TE health', ['health', U + '/clte'], want={1})
    case('protocol CL+TE load', ['load', U + '/clte', '-n', '5', '-c', '1', '--output', 'json'], want={0, 1},
         check=lambda res: [] if '"protocol"' in res['out'] and not re.search(r'"success"\s*:\s*\{\s*"count"\s*:\s*[1-9]', res['out'])
         else ['CL+TE not counted as a protocol error: ' + res['out'][:300].replace('\n', ' ')])
    case('protocol CL+TE idempotency', ['idempotency', 'replay', U + '/clte', '--repeat', '2', '--concurrency', '2'], want={1})
    for i, args in enumerate((['health'], ['load', '-n', '1'], ['idempotency', 'replay'])):
        probe = '/probe%d' % i
        case('protocol ctrl in header value %s' % args[0], args + ['-H', 'X-A: a\x01b', U + probe], want={2},
             check=lambda res, probe=probe: ['a request was sent to %s' % probe] if hits(probe) else [])
        probe2 = '/probe-crlf%d' % i
        case('protocol CRLF in header value %s' % args[0], args + ['-H', 'X-A: a\r\nInjected: 1', U + probe2], want={2},
             check=lambda res, probe=probe2: ['a request was sent to %s' % probe] if hits(probe) else [])
    case('protocol 25 MB JSON body', ['health', '-f', write(T, 'bigjson.yaml', 'endpoints:\n  - name: a\n    url: %s/bigjson\n    timeout: 20s\n'
                                                          '    conditions: [\'body.status == "UP"\']\n' % U)], want={0}, limit=30)
    case('protocol 70 MB body', ['health', U + '/huge', '--timeout', '20s'], want={1}, limit=30,
         check=lambda res: [] if 'cap' in res['out'] + res['err'] else ['the body cap is not named'])
    case('protocol redirect with secret', ['health', U + '/redirect', '--verbose'])

    # --- Clear messages
    hl = '#[StartTime: 1700000000.000 (seconds since epoch)]\n#[Histogram log format version 1.3]\n'
    for name, text in [('garbage', hl + '0.000,1.000,1.000,HISTFAAAAAAAAAAAA\n'), ('bignum', hl + '99999999999999999999,1,1,AAAA\n'),
                       ('negative', hl + '-1.0,-1.0,-9223372036854775808,HISTFAAAACl42pNpmSzMwMDAxQABzFCaEUzOmNZg3wARMAKa\n'),
                       ('version', '#[Histogram log format version 9.99]\n'), ('trunc', hl + '0.000,1.000,1.000,HISTFAAAACl4\n'),
                       ('fields', hl + 'a,b\n')]:
        case('messages hdr log ' + name, ['load', 'merge', write(T, name + '.hlog', text)], want={2})
    for name, text in [('int overflow', '{"t": 0, "cost": 99999999999999999999}\n'), ('t nan', '{"t": "abc"}\n'),
                       ('comment', '{"t": 0} // x\n'), ('trailing', '{"t": 0,}\n'), ('single quote', "{'t': 0}\n"), ('t 1e400', '{"t": 1e400}\n'),
                       ('neg', '{"t": -1}\n'), ('dup', '{"t": 0, "t": 1}\n')]:
        case('messages script ' + name, ['ratelimit', 'simulate', '--policy', 'gcra:rate=1/s', '--script',
                                         write(T, 'msg-%d.ndjson' % len(CASES), text)], want={2})
        case('messages targets ' + name, ['load', U, '--targets', write(T, 'msgt-%d.ndjson' % len(CASES), text.replace('"t"', '"url"')), '-n', '1'],
             want={2})
    case('messages yaml alias', ['health', '-f', f['alias'], '--check-config'], want={2})
    case('messages yaml two docs', ['health', '-f', f['twodocs'], '--check-config'], want={2})
    case('messages script yaml dup', ['ratelimit', 'simulate', '--policy', 'gcra:rate=1/s', '--script',
                                      write(T, 'dup.yaml', '- {t: 0, t: 1}\n'), '--format', 'yaml'], want={2})
    case('messages report dir is a file', ['health', U + '/ok', '--report', 'json=' + os.path.join(f['empty'], 'r.json')], want={2},
         check=lambda res: ['the check ran before the output path was checked'] if hits('/ok-report-first') else [])
    case('messages report path checked first', ['health', U + '/ok-report-first', '--report', 'json=' + os.path.join(f['empty'], 'r.json')],
         want={2}, check=lambda res: ['the check ran before the output path was checked'] if hits('/ok-report-first') else [])
    case('messages load html checked first', ['load', U + '/ok-html-first', '-n', '1', '--html', os.path.join(f['empty'], 'r.html')],
         want={2}, check=lambda res: ['the load ran before the output path was checked'] if hits('/ok-html-first') else [])

    # --- pipeline check/run/serve, idempotency replay, shell: hostile shapes
    for text in ['apiVersion: apitool/v1\nroutes: *x\n', 'apiVersion: apitool/v1\nroutes: [' * 50000, 'apiVersion: apitool/v2\n',
                 'apiVersion: apitool/v1\nroutes:\n  - {method: "G\\u0000ET", path: /, name: r, handler: echo}\n',
                 'apiVersion: apitool/v1\nroutes:\n  - {method: GET, path: "/{a}/{a}", name: r, handler: echo}\n',
                 'apiVersion: apitool/v1\nservices: {a: {type: http-client, url: "${NOPE}"}}\nroutes: []\n',
                 'apiVersion: apitool/v1\nroutes:\n  - {method: GET, path: /, name: r, handler: {type: static, bodyFile: /dev/zero}}\n',
                 'apiVersion: apitool/v1\nroutes:\n  - {method: GET, path: /, name: r, handler: {type: static, bodyFile: %s}}\n' % f['huge_line'],
                 'apiVersion: apitool/v1\nmiddleware:\n  - {type: validate, body: {$ref: "http://127.0.0.1:9/x"}}\nroutes: []\n',
                 'apiVersion: apitool/v1\nmiddleware:\n  - {type: jwt-auth, key: /dev/zero}\nroutes: []\n']:
        spec = write(T, 'ps-%d.yaml' % len(CASES), text)
        valid = 'huge_line' in text or '$ref' in text      # a 20 MB static body is under the body cap; a $ref is read when used
        case('pipeline hostile spec check', ['pipeline', 'check', spec], want={0, 2} if valid else {2}, limit=15)
        if not valid:                                      # a valid spec would serve until the timeout
            case('pipeline hostile spec serve', ['pipeline', 'serve', spec, '--port', '0'], want={2}, limit=15)
    echo = os.path.join(T, 'echo.yaml')
    for path in ['/e?' + 'a=1&' * 30000, '/' + '\x1b' * 10, '/e/../../etc/passwd', '/%00', '/e?%zz', 'e', '/' + 'a' * 120000]:
        case('pipeline run hostile path', ['pipeline', 'run', echo, 'GET', path], want={0, 1, 2}, limit=15)
    case('pipeline run body /dev/zero', ['pipeline', 'run', echo, 'POST', '/e', '--body', '@/dev/zero'], want={2}, limit=10)
    for sh in ['pipeline serve %s --port 0 &\njobs\ncancel 1\n' % echo, 'load -n 1 /x\n', 'set url http://127.0.0.1:99999\nload -n 1 /x\n',
               'set a $(' * 1000 + '\n', 'wait 99999999999999999999\njob -1\ncancel abc\n', '$(' + 'x' * 100000 + ')\n', 'help ' + '\x1b' * 5 + '\n']:
        case('shell hostile script', ['shell', '--keep-going'], stdin=write(T, 'sh-%d.txt' % len(CASES), sh), limit=30)


# ---------------------------------------------------------------- running
def problems_in(text, verbose):
    out = []
    if MARK in text:
        i = text.index(MARK)
        out.append('secret leaked: %r' % text[max(0, i - 40):i + 20])
    m = RAW_CONTROL.search(text)
    if m:
        out.append('raw control char %r near %r' % (m.group(0), text[max(0, m.start() - 30):m.start()]))
    if not verbose:
        m = INTERNALS.search(text)
        if m:
            out.append('internals %r near %r' % (m.group(0), text[max(0, m.start() - 60):m.end() + 20]))
    return out


def run(c, T, env0, i):
    work = os.path.join(T, 'run', str(i))
    os.makedirs(work)
    out_path, rss_path = os.path.join(work, 'stdout'), os.path.join(work, 'rss')
    env = dict(env0, **c.env)
    stdin = open(c.stdin, 'rb') if c.stdin else subprocess.DEVNULL

    def limits():
        os.setsid()
        resource.setrlimit(resource.RLIMIT_FSIZE, (STDOUT_CAP, STDOUT_CAP))
    t0 = time.time()
    with open(out_path, 'wb') as out:
        try:
            p = subprocess.Popen(['/usr/bin/time', '-f', '%M', '-o', rss_path] + JAVA + c.args, stdin=stdin, stdout=out,
                                 stderr=subprocess.PIPE, cwd=work, env=env, preexec_fn=limits)
        except OSError as e:                        # E2BIG: the OS refuses the arguments before apitool runs
            return {'rc': 'skip', 'out': '', 'err': str(e), 'dt': 0.0, 'rss': 0}, []
        try:
            _, err = p.communicate(timeout=HARD_TIMEOUT)
            rc = p.returncode
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)        # the group of the process this run started, nothing else
            _, err = p.communicate()
            rc = 'TIMEOUT'
    dt = time.time() - t0
    if c.stdin:
        stdin.close()
    with open(out_path, 'rb') as o:
        out_b = o.read(1 << 20)
    size = os.path.getsize(out_path)
    try:
        rss = int(open(rss_path).read().split()[-1])
    except (OSError, ValueError, IndexError):
        rss = 0
    res = {'rc': rc, 'out': out_b.decode('utf-8', 'replace'), 'err': err[:1 << 20].decode('utf-8', 'replace'), 'dt': dt, 'rss': rss}
    verbose = '--verbose' in c.args
    probs = []
    if rc == 'TIMEOUT' or rc == 4 or (isinstance(rc, int) and (rc > 4 or rc < 0) and rc != 130):
        probs.append('rc=%s' % rc)
    elif c.want is not None and rc not in c.want:
        probs.append('rc=%s, expected %s' % (rc, '/'.join(map(str, sorted(c.want)))))
    if c.limit and dt > c.limit and rc != 'TIMEOUT':
        probs.append('took %.1fs (limit %ds)' % (dt, c.limit))
    if rss > RSS_CAP_KB:
        probs.append('rss=%dMB' % (rss // 1024))
    if size >= STDOUT_CAP:
        probs.append('stdout reached %d MB' % (size >> 20))
    probs += problems_in(res['out'] + '\n' + res['err'], verbose)
    for path in c.outputs:
        if os.path.isfile(path):
            with open(path, 'rb') as o:
                text = o.read(8 << 20).decode('utf-8', 'replace')
            if MARK in text:
                probs.append('secret leaked into %s' % os.path.basename(path))
    if c.check:
        try:
            probs += c.check(res)
        except Exception as e:  # a check that cannot run is a sweep bug: show it
            probs.append('check failed: %r' % e)
    shutil.rmtree(work, ignore_errors=True)
    return res, probs


def serve_session(T, env0):
    """pipeline serve with logging/echo: hostile raw requests; nothing secret or raw in its output or answers."""
    work = os.path.join(T, 'serve')
    os.makedirs(work)
    log = open(os.path.join(work, 'err'), 'w+b')
    p = subprocess.Popen(JAVA + ['pipeline', 'serve', os.path.join(T, 'echo.yaml'), '--port', '0', '--max-body', '1024', '--max-header', '4096',
                                 '--header-timeout', '1s'], stdout=log, stderr=log, cwd=work, env=env0, preexec_fn=os.setsid)
    probs, answers = [], b''
    try:
        deadline = time.time() + 30
        url = None
        while time.time() < deadline and url is None:
            time.sleep(0.2)
            log.seek(0)
            m = re.search(rb'listening on http://127\.0\.0\.1:(\d+)', log.read())
            url = int(m.group(1)) if m else None
        if url is None:
            return ['serve did not start']
        reqs = [b'GET /e?api_key=SEKRITq&token=SEKRITt HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer SEKRIThdr\r\nCookie: a=SEKRITc\r\n\r\n',
                b'GET /e HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
                b'GET /e HTTP/1.1\r\nHost: x\r\nX-A: a\x01\x1b[2Jb\r\n\r\n', b'GET /e\x1b[2J HTTP/1.1\r\nHost: x\r\n\r\n',
                b'GET /e HTTP/1.1\r\nHost: x\r\nX-Big: ' + b'a' * 10000 + b'\r\n\r\n',
                b'POST /e HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n',
                b'POST /e HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n' + b'a' * 5000, b'\x16\x03\x01\x00\xff' + bytes(range(256)),
                b'GET /e HTTP/1.1\r\n', b'GET http://u:SEKRITpw@127.0.0.1/e?password=SEKRITp HTTP/1.1\r\nHost: x\r\n\r\n']
        for r in reqs:
            s = socket.create_connection(('127.0.0.1', url), timeout=5)
            try:
                s.sendall(r)
                s.shutdown(socket.SHUT_WR) if r.endswith(b'HTTP/1.1\r\n') else None
                a = b''
                while True:
                    d = s.recv(65536)
                    if not d:
                        break
                    a += d
                    if b'\r\n\r\n' in a:
                        head, _, body = a.partition(b'\r\n\r\n')
                        m = re.search(rb'(?i)content-length: *(\d+)', head)
                        if m and len(body) >= int(m.group(1)):
                            break
                answers += a + b'\n'
            except OSError as e:
                answers += ('(%s)\n' % e).encode()
            finally:
                s.close()
    finally:
        os.killpg(p.pid, signal.SIGTERM)
        try:
            rc = p.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            rc = 'TIMEOUT'
    log.seek(0)
    text = log.read().decode('utf-8', 'replace')
    if rc not in (0, 130, 143):
        probs.append('serve exit %s' % rc)
    probs += problems_in(text, False)
    if MARK.encode() in answers:
        probs.append('secret in an answer: %r' % answers[answers.index(MARK.encode()) - 60:][:100])
    if b' 500 ' in answers:
        probs.append('a hostile request got a 500')
    return probs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('-j', type=int, default=2, help='runs at once (default 2)')
    ap.add_argument('filter', nargs='*')
    a = ap.parse_args()
    if not os.path.isfile(JAR):
        sys.exit('no jar at %s: build it (mvn -B -ntp -q -o -DskipTests package) or set JAR' % JAR)
    T = tempfile.mkdtemp(prefix='hostile-sweep-')
    srv = Hostile(('127.0.0.1', 0), Handler)
    port = srv.server_address[1]
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    home = os.path.join(T, 'home')
    os.makedirs(home)
    env0 = {k: v for k, v in os.environ.items() if 'proxy' not in k.lower()}
    env0.update(HOME=home, NO_COLOR='1', APITOOL_STDERR_TTY='0', API_JWT_SECRET='k' * 40)
    try:
        f, U, SECRET, SEED_SPEC, SEED_SCRIPT = build(T, port)
        build_more(T, f, U, SECRET, SEED_SPEC, SEED_SCRIPT, port)
        todo = [(i, c) for i, c in enumerate(CASES) if not a.filter or any(w in c.name or w in ' '.join(c.args) for w in a.filter)]
        fails, slow, max_rss = [], [], (0, '')
        t_all = time.time()
        with cf.ThreadPoolExecutor(a.j) as ex:
            futs = {ex.submit(run, c, T, env0, i): (i, c) for i, c in todo}
            for fu in cf.as_completed(futs):
                i, c = futs[fu]
                try:
                    res, probs = fu.result()
                except Exception as e:                  # a sweep bug: report it and go on
                    res, probs = {'rc': 'error', 'out': '', 'err': '', 'dt': 0.0, 'rss': 0}, ['sweep error: %r' % e]
                shown = ' '.join(repr(x)[:50] for x in c.args)[:160]
                if res['rss'] > max_rss[0]:
                    max_rss = (res['rss'], shown)
                if res['dt'] > 8:
                    slow.append((round(res['dt'], 1), shown))
                print('%4d rc=%-7s %5.1fs %4dMB %s [%s] %s' % (i, res['rc'], res['dt'], res['rss'] // 1024, 'FAIL' if probs else 'ok', c.name, shown),
                      flush=True)
                if probs:
                    fails.append((i, c.name, shown, probs, res['err'][:300]))
                    print('      %s | %s' % ('; '.join(probs)[:400], res['err'][:300].replace('\n', ' | ')), flush=True)
        n = len(todo)
        if not a.filter or any(w in 'serve session' for w in a.filter):
            probs = serve_session(T, env0)
            n += 1
            print('serve session: %s' % ('FAIL ' + '; '.join(probs) if probs else 'ok'), flush=True)
            if probs:
                fails.append((-1, 'serve session', 'pipeline serve', probs, ''))
        print('\nRUNS %d FAILURES %d SLOW(>8s) %d MAX-RSS %dMB (%s) in %.0fs' % (n, len(fails), len(slow), max_rss[0] // 1024, max_rss[1][:80],
                                                                               time.time() - t_all))
        for i, name, shown, probs, err in sorted(fails):
            print('FAIL %d [%s] %s\n      %s\n      %s' % (i, name, shown, '; '.join(probs)[:500], err.replace('\n', ' | ')[:300]))
        for s in sorted(slow, reverse=True)[:20]:
            print('slow', s)
        return 1 if fails else 0
    finally:
        srv.shutdown()
        shutil.rmtree(T, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
