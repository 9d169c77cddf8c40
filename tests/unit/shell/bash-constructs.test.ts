import { describe, expect, it } from 'vitest';

import { kubelifeBash, realBash } from './real-bash.ts';

// Each script runs through the real /bin/bash and through a kubelife session; stdout, stderr
// (without bash's `line N:` prefix) and the exit status must be identical.
const cases: ReadonlyArray<readonly [string, string]> = [
  ['keeps the exit status of the previous command in $?', 'false\necho $?\ntrue\necho $?'],
  [
    'runs if, elif and else branches',
    'x=2\nif [ $x -eq 1 ]; then echo one; elif [ $x -eq 2 ]; then echo two; else echo other; fi',
  ],
  [
    'loops with for over words and over "$@"-style arrays',
    'for h in cp-1 cp-2 "worker 1"; do echo "host=$h"; done',
  ],
  [
    'lists array keys with "${!HOSTS[@]}"',
    'HOSTS=(10.0.0.1 10.0.0.2 10.0.0.3)\nNAMES=(cp-1 cp-2 cp-3)\nfor i in "${!HOSTS[@]}"; do echo "${NAMES[$i]} ${HOSTS[$i]}"; done\necho ${#HOSTS[@]}',
  ],
  [
    'appends to arrays and unsets elements',
    'a=(x y); a+=(z "w v"); unset "a[1]"; echo "${a[@]}" ${#a[@]} "${!a[@]}"; printf "<%s>" "${a[@]}"; echo',
  ],
  [
    'counts with while, until and C-style for',
    'i=0; while [ $i -lt 3 ]; do echo w$i; i=$((i+1)); done; until [ $i -eq 0 ]; do i=$((i-1)); done; for ((j=0; j<3; j++)); do echo f$j; done',
  ],
  [
    'matches case patterns with alternatives, classes and fall-through',
    'for v in apple 42 x.conf Zed; do case $v in a*|b*) echo fruit;; [0-9]*) echo number;; *.conf) echo conf;& *) echo any;; esac; done',
  ],
  [
    'defines functions with local variables, arguments and return',
    'x=global\nf() { local x=local; echo "$# $1 $2 $x"; return 3; }\nf a "b c"; echo "status=$? x=$x"',
  ],
  [
    'recurses in functions',
    'fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 10',
  ],
  [
    'evaluates arithmetic with bash operators and 64-bit wrap-around',
    'echo $((7/2)) $((7%3)) $((2**10)) $((1<<4)) $((5>3?1:0)) $((0x1f)) $((010)) $((2#101)) $(( -7/2 )) $((9223372036854775807+1))\ni=5; echo $((i++)) $((++i)) $i; ((i > 3)) && echo big',
  ],
  [
    'changes case and trims with parameter expansion',
    'x=Hello.World.tar.gz; echo ${x^^} ${x,,} ${#x} ${x#*.} ${x##*.} ${x%.*} ${x%%.*} ${x/o/0} ${x//o/0} ${x:1:4} ${x: -3}\ny=abc; echo ${y^}',
  ],
  [
    'uses defaults, assignments and alternatives',
    'unset u; e=""; echo "${u:-def} ${e:-empty} ${e-set} ${u+alt} ${e:+alt2}"; echo ${u:=now}; echo $u',
  ],
  ['expands braces', 'echo {a,b}{1..3} {05..08} {z..x} pre{,fix}'],
  [
    'splits unquoted expansions on IFS and keeps quoted ones whole',
    'v="a  b   c"; printf "[%s]" $v; echo; printf "[%s]" "$v"; echo; IFS=:; p="x:y::z"; printf "[%s]" $p; echo',
  ],
  [
    'passes "$@" through functions and shifts',
    'f() { echo $#; shift; printf "<%s>" "$@"; echo; }; f 1 "2 3" "" 4',
  ],
  [
    'formats with printf',
    'printf "%5s|%-5s|%05d|%x|%X|%o|%c|%%|%s\\n" ab cd 42 255 255 8 hello x y\nprintf "%s-%s\\n" a b c\nprintf "%.2f %q\\n" 3.14159 "a b"',
  ],
  [
    'prints with echo -n and -e',
    'echo -n one; echo two; echo -e "a\\tb\\nc"; echo -e "stop\\cnot"; echo',
  ],
  [
    'discards stderr with 2>/dev/null and merges it with 2>&1',
    'cat /nonexistent 2>/dev/null; echo "st=$?"; { echo out; echo err >&2; } 2>&1 | while read -r l; do echo "got $l"; done',
  ],
  [
    'sends both streams with &> and appends with >>',
    'f=/tmp/kubelife-bash-test-$$; { echo one; echo two >&2; } &> /dev/null; echo done',
  ],
  [
    'stops at the first failure with set -e in a subshell',
    '( set -e; echo before; false; echo after ); echo "status=$?"',
  ],
  [
    'does not stop for failures in conditions under set -e',
    '( set -e; if false; then :; fi; false || echo recovered; ! true; echo end )',
  ],
  [
    'reports the last failing stage with set -o pipefail',
    'false | true; echo $?; set -o pipefail; false | true; echo $?; true | (exit 3) | true; echo $? "${PIPESTATUS[@]}"',
  ],
  ['negates statuses with !', '! false; echo $?; ! true; echo $?'],
  [
    'expands here-documents unless the delimiter is quoted',
    "name=kube\ncat <<EOF\nhello $name $((1+2)) \\$HOME\nEOF\ncat <<'EOF'\nraw $name\nEOF\ncat <<-EOF\n\tstripped\nEOF",
  ],
  ['reads from here-strings', 'read -r a b <<< "first second third"; echo "$a|$b"; cat <<< hello'],
  ['nests command substitutions', 'echo "$(echo "$(echo inner) outer")" `echo back`'],
  [
    'exits subshells with status modulo 256',
    '(exit 999); echo $?; (exit -1); echo $?; (exit 3); echo $?',
  ],
  ['rejects a non-numeric exit argument with status 2', '(exit abc); echo $?'],
  [
    'breaks and continues nested loops',
    'for i in 1 2 3; do for j in a b c; do [ $j = b ] && continue; [ $i = 2 ] && break 2; echo $i$j; done; done; echo end',
  ],
  [
    'reports test errors like bash',
    '[ 1 -eq a ]; echo $?; [ a b ]; echo $?; [ x = x ] && echo same; test -n "" || echo empty; [ 2 -gt 1 -a 3 -lt 4 ] && echo both',
  ],
  [
    'matches patterns and compares in [[ ]]',
    '[[ kubeadm == kube* ]] && echo glob; [[ "a b" == "a b" && 3 -lt 10 ]] && echo num; [[ -z "" || -n x ]] && echo str; [[ b > a ]] && echo order',
  ],
  [
    "fails cd into a missing directory with bash's wording",
    'cd /nonexistent; echo $?; cd /etc/hostname; echo $?; cd /etc /tmp; echo $?',
  ],
  [
    'changes the working directory with cd and cd -',
    'cd /etc; pwd; cd /; pwd; cd - ; echo $PWD $OLDPWD',
  ],
  ['prints a division by zero like bash', '( echo $((1/0)); echo not-reached ); echo $?'],
  [
    'prints an unset variable error for ${x:?}',
    '( echo ${nope:?is required}; echo not-reached ); echo $?',
  ],
  [
    'treats unset variables as errors with set -u',
    '( set -u; echo $nope; echo not-reached ); echo $?',
  ],
  [
    'indexes associative arrays',
    'declare -A m; m[cp-1]=10.0.0.1; m["worker 1"]=10.0.0.5; echo "${m[cp-1]} ${m[worker 1]} ${#m[@]}"',
  ],
  [
    'evaluates eval and let',
    'cmd="echo evaluated"; eval "$cmd"; let "x = 3 * 4"; echo $x; let "y = 0"; echo $?',
  ],
  ['reports unknown commands with status 127', 'nosuchcommand-kubelife 2>/dev/null; echo $?'],
  [
    'keeps variables of pipeline stages out of the shell',
    'x=1; echo | x=2; echo $x; echo a | while read -r l; do y=$l; done; echo "[$y]"',
  ],
  [
    'runs && and || chains left to right',
    'false && echo no || echo yes; true || echo no && echo yes2',
  ],
];

describe('bash constructs, compared with the real /bin/bash', () => {
  it.each(cases)('%s', async (_name, script) => {
    const expected = realBash(script);

    const actual = await kubelifeBash(script);

    expect(actual).toEqual(expected);
  });
});
