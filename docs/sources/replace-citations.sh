#!/usr/bin/env bash
# Rewrites every citation of the old numbered format notes ("SOURCE-FORMATS §1.6", a bare "§1.7", ...) in the working
# tree to its reference in docs/sources/, as listed in docs/sources/citations.tsv. Run it from anywhere in the
# repository: `docs/sources/replace-citations.sh` (or `--check` to change nothing and fail if a citation is left).
#
# - The table's line numbers are informative only: citations are found by their text, file by file, so lines may
#   have moved. Longer citations are replaced before shorter ones ("SOURCE-FORMATS §1.2, §1.3" before "§1.2").
# - When one file cites the same text with different targets, its occurrences take the table's rows in line order,
#   and their counts must agree.
# - A citation in a file the table does not name (a file moved since) is replaced when the table maps that text to
#   one target everywhere; otherwise the script stops and names the file and line.
# - Every target must be a heading of its document (GitHub's anchors: lower case, punctuation dropped, spaces to '-').
# - Idempotent: a second run finds nothing to change and exits 0. When a citation is left without a mapping (or a
#   target is not a heading) it names them, changes nothing and exits 1.
set -euo pipefail

cd "$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
TABLE=docs/sources/citations.tsv
CHECK_ONLY=0
if [[ "${1:-}" == "--check" ]]; then CHECK_ONLY=1; fi

# Files that may hold a citation: tracked or new, text only, outside this tool's own two files.
mapfile -t FILES < <(git grep --untracked -lI -e 'SOURCE-FORMATS' -e '§' -- . \
  ":(exclude)$TABLE" ':(exclude)docs/sources/replace-citations.sh' || true)

CHECK_ONLY=$CHECK_ONLY perl -e '
use strict; use warnings;
my ($table, @files) = @ARGV;
my $check = $ENV{CHECK_ONLY};
sub unescape { my $s = shift; $s =~ s/\\n/\n/g; $s =~ s/\\t/\t/g; return $s }
sub slurp { my $f = shift; open my $h, "<:raw", $f or die "$f: $!\n"; local $/; my $s = <$h>; close $h; return $s }

# The table: per file, rows in line order; per citation text, every target seen.
open my $t, "<:raw", $table or die "$table: $!\n";
my $header = <$t>;
my (%rows, %targets, @errors);
while (my $line = <$t>) {
    chomp $line; next if $line eq "";
    my ($file, $n, $cit, $ref, $rep) = split /\t/, $line, -1;
    die "$table: a row without five columns: $line\n" unless defined $rep && $rep ne "";
    push @{ $rows{$file} }, { n => $n, cit => unescape($cit), rep => unescape($rep), ref => $ref };
    $targets{ unescape($cit) }{ unescape($rep) } = 1;
}
close $t;

# Every reference must be a heading anchor of its document.
my %anchors;
for my $rows (values %rows) {
    for my $row (@$rows) {
        for my $ref (split / /, $row->{ref}) {
            my ($doc, $anchor) = split /#/, $ref, 2;
            unless ($anchors{$doc}) {
                my %a;
                if (-f $doc) {
                    my $fence = 0;
                    for (split /\n/, slurp($doc)) {
                        $fence = !$fence if /^```/;
                        next if $fence || !/^#+\s+(.*?)\s*$/;
                        (my $id = lc $1) =~ s/[^a-z0-9 _-]//g;
                        $id =~ s/ /-/g;
                        $a{$id} = 1;
                    }
                }
                $anchors{$doc} = \%a;
            }
            push @errors, "$table: $ref: no such heading in $doc" unless defined $anchor && $anchors{$doc}{$anchor};
        }
    }
}

my $pattern = qr/SOURCE-FORMATS|(?<!STACK-NOTES )§\s*\d/;
# A match must be the whole citation: "SOURCE-FORMATS §2" is not the start of "SOURCE-FORMATS §2.1" or "§2.3–§2.5",
# and "§1.6" is not the end of "SOURCE-FORMATS §1.6", "§1.2–§1.6" or "§1.2, §1.6".
my $start = qr/(?<!SOURCE-FORMATS )(?<!–)(?<!§\d, )(?<!§\d\.\d, )(?<!§\d\.\d\d, )/;
my $rest = qr/(?!\.?\d|–|\s*§|\s+\d)/;
my (%new, @log);
for my $file (@files) {
    my $text = slurp($file);
    my @mine = @{ $rows{$file} // [] };
    my %byText;
    push @{ $byText{ $_->{cit} } }, $_ for @mine;
    # Citations of files the table does not name, mapped by text when the text has one target.
    for my $cit (keys %targets) {
        next if $byText{$cit} || $text !~ /$start\Q$cit\E$rest/;
        my @to = keys %{ $targets{$cit} };
        push @{ $byText{$cit} }, { cit => $cit, rep => $to[0], n => 0, byText => 1 } if @to == 1;
    }
    for my $cit (sort { length($b) <=> length($a) || $a cmp $b } keys %byText) {
        my @rows = sort { $a->{n} <=> $b->{n} } @{ $byText{$cit} };
        my $several = keys(%{ { map { $_->{rep} => 1 } @rows } }) > 1;
        my $count = () = $text =~ /$start\Q$cit\E$rest/g;
        next if $count == 0;
        if ($several && $count != @rows) {
            push @errors, "$file: \"$cit\" occurs $count times but the table has " . scalar(@rows) . " rows with different targets";
            next;
        }
        my $i = 0;
        $text =~ s/$start\Q$cit\E$rest/$rows[$several ? $i++ : 0]{rep}/ge;
        my $to = join(" | ", map { $_->{rep} } $several ? @rows : $rows[0]);
        my $line = sprintf "%s: %d x \"%s\" -> %s%s%s", $file, $count, $cit, $several ? "in line order: " : "", $to,
            $rows[0]{byText} ? " (by text: the file is not in the table)" : "";
        $line =~ s/\n/\\n/g;
        push @log, $line;
    }
    # Whatever still looks like a citation has no mapping.
    my $n = 0;
    for my $line (split /\n/, $text, -1) {
        $n++;
        push @errors, "$file:$n: a citation without a mapping in $table: $line" if $line =~ $pattern;
    }
    $new{$file} = $text if $text ne slurp($file);
}

print "$_\n" for @log;
if (@errors) {
    print STDERR "$_\n" for @errors;
    print STDERR "nothing was changed\n";
    exit 1;
}
my $changed = keys %new;
if ($check) {
    print $changed ? "$changed file(s) would change\n" : "nothing to change\n";
    exit($changed ? 1 : 0);
}
for my $file (sort keys %new) {
    open my $out, ">:raw", $file or die "$file: $!\n";
    print $out $new{$file};
    close $out;
}
print $changed ? "$changed file(s) changed\n" : "nothing to change\n";
' "$TABLE" "${FILES[@]}"
