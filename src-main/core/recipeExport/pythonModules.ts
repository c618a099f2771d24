/**
 * Names a Python program must not be saved under. Python puts a script's own
 * folder first on its import path, so `random.py` beside the exported
 * program is imported in place of the standard library's `random` by
 * whatever needs it (numpy, scipy, pandas, …), far from anything the analyst
 * sees. Every standard-library module is refused (Python 3.11's
 * `sys.stdlib_module_names`, which lists the modules of every platform), and
 * the top-level packages the program's imports load (measured: the modules
 * a --dask program has imported once its imports ran, on Debian 12's
 * scikit-learn, XGBoost and Dask), with the optional ones pandas and Dask
 * load on demand.
 */
const STANDARD_LIBRARY =
  '__future__ _abc _aix_support _ast _asyncio _bisect _blake2 _bootsubprocess _bz2 _codecs _codecs_cn _codecs_hk ' +
  '_codecs_iso2022 _codecs_jp _codecs_kr _codecs_tw _collections _collections_abc _compat_pickle _compression ' +
  '_contextvars _crypt _csv _ctypes _curses _curses_panel _datetime _dbm _decimal _elementtree _frozen_importlib ' +
  '_frozen_importlib_external _functools _gdbm _hashlib _heapq _imp _io _json _locale _lsprof _lzma _markupbase ' +
  '_md5 _msi _multibytecodec _multiprocessing _opcode _operator _osx_support _overlapped _pickle _posixshmem ' +
  '_posixsubprocess _py_abc _pydecimal _pyio _queue _random _scproxy _sha1 _sha256 _sha3 _sha512 _signal ' +
  '_sitebuiltins _socket _sqlite3 _sre _ssl _stat _statistics _string _strptime _struct _symtable _thread ' +
  '_threading_local _tkinter _tokenize _tracemalloc _typing _uuid _warnings _weakref _weakrefset _winapi _zoneinfo ' +
  'abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb binascii bisect ' +
  'builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys compileall ' +
  'concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm ' +
  'decimal difflib dis distutils doctest email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput ' +
  'fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq ' +
  'hmac html http idlelib imaplib imghdr imp importlib inspect io ipaddress itertools json keyword lib2to3 ' +
  'linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib msvcrt ' +
  'multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode operator optparse os ossaudiodev pathlib ' +
  'pdb pickle pickletools pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd ' +
  'py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy ' +
  'sched secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket socketserver spwd ' +
  'sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct subprocess sunau ' +
  'symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading time timeit ' +
  'tkinter token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing unicodedata ' +
  'unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp ' +
  'zipfile zipimport zlib zoneinfo ' +
  '';

const LIBRARIES =
  'numpy pandas scipy sklearn xgboost joblib threadpoolctl dask distributed cloudpickle toolz tlz tornado msgpack psutil yaml zict tblib ' +
  'sortedcontainers locket partd fsspec click jinja2 markupsafe packaging dateutil pytz tzdata six bottleneck numexpr lz4 heapdict ' +
  'certifi colorama pkg_resources setuptools importlib_metadata zipp typing_extensions urllib3 pyarrow';

const MODULES: ReadonlySet<string> = new Set(`${STANDARD_LIBRARY} ${LIBRARIES}`.split(/\s+/).filter((m) => m !== '').map((m) => m.toLowerCase()));

/**
 * True when a file named `name.py` in the program's folder would be imported
 * in place of a module the program needs. Compared without case: macOS's and
 * Windows's file systems find `Random.py` for `import random`.
 */
export function shadowsPythonModule(name: string): boolean {
  return MODULES.has(name.toLowerCase());
}
