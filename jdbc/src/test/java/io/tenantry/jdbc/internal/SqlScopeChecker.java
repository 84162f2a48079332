package io.tenantry.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small SQL reader for the tests: it tokenises a statement and reports where it is not scoped to
 * one tenant, or, for DDL, where a key or index does not start with the tenant id.
 *
 * <p>Rules for a statement that touches tenant data: every query block ({@code SELECT}, {@code
 * UPDATE}, {@code DELETE}, subqueries and common table expressions included) has a {@code WHERE}
 * clause with a top-level conjunct {@code [alias.]tenant_id = ?} (an {@code OR} around it does not
 * count); every {@code JOIN} has an {@code ON} with a top-level conjunct equating the two sides'
 * {@code tenant_id}s (or one with a parameter); an {@code INSERT} names the {@code tenant_id}
 * column; an {@code UPDATE} never assigns {@code tenant_id}. DDL is exempt from these rules and is
 * held to its own: in a tenant table, {@code tenant_id} is the first column and the first column
 * of the primary key, of every unique and foreign key (and the key it references) and of every
 * index.
 */
final class SqlScopeChecker {
  private static final Pattern TOKEN = Pattern.compile(
      "'(?:[^']|'')*'|\"[^\"]*\"|[A-Za-z_][A-Za-z0-9_$]*(?:\\.[A-Za-z_][A-Za-z0-9_$]*)*"
          + "|\\d+|<=|>=|<>|!=|\\|\\||[(),;=<>?*+\\-/.]|\\S");
  private static final Set<String> WHERE_ENDS =
      Set.of("order", "group", "limit", "having", "union", "for", "offset", "fetch", "returning");
  private static final Set<String> ON_ENDS = Set.of("join", "left", "right", "inner", "full",
      "cross", "where", "order", "group", "limit", "having", "union", "on");

  private SqlScopeChecker() {}

  /** Splits SQL into lower-cased tokens (string literals kept as they are). */
  static List<String> tokens(String sql) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(sql);
    while (m.find()) {
      String t = m.group();
      out.add(t.startsWith("'") ? t : t.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static int[] depths(List<String> t) {
    int[] d = new int[t.size()];
    int depth = 0;
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).equals(")")) {
        depth--;
      }
      d[i] = depth;
      if (t.get(i).equals("(")) {
        depth++;
      }
    }
    return d;
  }

  static boolean isDdl(String sql) {
    List<String> t = tokens(sql);
    return !t.isEmpty() && Set.of("create", "alter", "drop").contains(t.get(0));
  }

  /** The reasons a data statement is not scoped to one tenant; empty when it is (or is DDL). */
  static List<String> tenantScopeViolations(String sql) {
    List<String> t = tokens(sql);
    List<String> problems = new ArrayList<>();
    if (t.isEmpty() || isDdl(sql)) {
      return problems;
    }
    int[] d = depths(t);
    if (t.get(0).equals("insert")) {
      int open = t.indexOf("(");
      int close = open < 0 ? -1 : t.subList(open, t.size()).indexOf(")") + open;
      if (open < 0 || !t.subList(open, close).contains("tenant_id")) {
        problems.add("INSERT does not name the tenant_id column");
      }
    }
    for (int i = 0; i < t.size(); i++) {
      String k = t.get(i);
      // "FOR UPDATE" ends a SELECT that locks the rows it reads; it starts no statement
      boolean lockingClause = k.equals("update") && i > 0 && t.get(i - 1).equals("for");
      if (k.equals("select") || (k.equals("update") && !lockingClause) || k.equals("delete")) {
        checkBlock(t, d, i, problems);
      }
    }
    return problems;
  }

  private static void checkBlock(List<String> t, int[] d, int start, List<String> problems) {
    int depth = d[start];
    int end = start;
    while (end < t.size() && d[end] >= depth && !(d[end] == depth && t.get(end).equals(")"))) {
      end++;
    }
    String kind = t.get(start).toUpperCase(Locale.ROOT) + " at token " + start;
    if (t.get(start).equals("select") && indexAt(t, d, depth, "from", start, end) < 0) {
      problems.add(kind + " reads no table");
      return;
    }
    int where = indexAt(t, d, depth, "where", start, end);
    if (where < 0) {
      problems.add(kind + " has no WHERE clause");
    } else {
      int whereEnd = where + 1;
      while (whereEnd < end && !(d[whereEnd] == depth && WHERE_ENDS.contains(t.get(whereEnd)))) {
        whereEnd++;
      }
      if (!hasTenantConjunct(t, d, depth, where + 1, whereEnd, false)) {
        problems.add(kind + " has no top-level 'tenant_id = ?' in its WHERE clause");
      }
    }
    int joins = 0;
    for (int i = start; i < end; i++) {
      if (d[i] != depth) {
        continue;
      }
      if (t.get(i).equals("join")) {
        joins++;
      }
      if (t.get(i).equals("on")) {
        joins--;
        int onEnd = i + 1;
        while (onEnd < end && !(d[onEnd] == depth && ON_ENDS.contains(t.get(onEnd)))) {
          onEnd++;
        }
        if (!hasTenantConjunct(t, d, depth, i + 1, onEnd, true)) {
          problems.add(kind + " joins on a condition without a top-level tenant_id match");
        }
      }
    }
    if (joins > 0) {
      problems.add(kind + " has a JOIN without ON");
    }
    if (t.get(start).equals("update")) {
      int set = indexAt(t, d, depth, "set", start, end);
      for (int i = set + 1; set >= 0 && i < (where < 0 ? end : where); i++) {
        if (d[i] == depth && isTenantColumn(t.get(i)) && i + 1 < end && t.get(i + 1).equals("=")
            && (t.get(i - 1).equals("set") || t.get(i - 1).equals(","))) {
          problems.add(kind + " assigns tenant_id");
        }
      }
    }
  }

  private static int indexAt(List<String> t, int[] d, int depth, String word, int from, int to) {
    for (int i = from; i < to; i++) {
      if (d[i] == depth && t.get(i).equals(word)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isTenantColumn(String token) {
    return token.equals("tenant_id") || token.endsWith(".tenant_id");
  }

  private static boolean hasTenantConjunct(List<String> t, int[] d, int depth, int from, int to,
      boolean columnsMayMatch) {
    if (indexAtAny(t, d, depth, "or", from, to)) {
      return false;
    }
    int begin = from;
    for (int i = from; i <= to; i++) {
      if (i == to || (d[i] == depth && t.get(i).equals("and"))) {
        List<String> c = t.subList(begin, i);
        if (c.size() == 3 && c.get(1).equals("=")) {
          boolean left = isTenantColumn(c.get(0));
          boolean right = isTenantColumn(c.get(2));
          if ((left && c.get(2).equals("?")) || (right && c.get(0).equals("?"))
              || (columnsMayMatch && left && right)) {
            return true;
          }
        }
        begin = i + 1;
      }
    }
    return false;
  }

  private static boolean indexAtAny(List<String> t, int[] d, int depth, String word, int from,
      int to) {
    return indexAt(t, d, depth, word, from, to) >= 0;
  }

  /** The reasons a DDL statement breaks the tenant-first rule for keys and indexes. */
  static List<String> tenantFirstViolations(String sql) {
    List<String> t = tokens(sql);
    List<String> problems = new ArrayList<>();
    if (t.size() < 3 || !t.get(0).equals("create")) {
      return problems;
    }
    int[] d = depths(t);
    if (t.get(1).equals("table")) {
      int open = t.indexOf("(");
      String table = t.get(open - 1);
      if (table.startsWith("tenantry_schema_")) {
        return problems;
      }
      List<List<String>> elements = new ArrayList<>();
      int begin = open + 1;
      for (int i = open + 1; i < t.size(); i++) {
        if (d[i] == 1 && t.get(i).equals(",") || (d[i] == 0 && t.get(i).equals(")"))) {
          elements.add(t.subList(begin, i));
          begin = i + 1;
          if (d[i] == 0) {
            break;
          }
        }
      }
      if (elements.isEmpty() || !elements.get(0).get(0).equals("tenant_id")) {
        problems.add(table + ": tenant_id is not the first column");
      }
      boolean hasKey = false;
      for (List<String> e : elements) {
        boolean constraint = e.get(0).equals("constraint") || e.get(0).equals("primary")
            || e.get(0).equals("unique") || e.get(0).equals("foreign");
        if (constraint) {
          hasKey |= e.contains("primary");
          for (int i = 0; i < e.size(); i++) {
            if (e.get(i).equals("(") && !e.get(i + 1).equals("tenant_id")) {
              problems.add(table + ": key " + String.join(" ", e) + " does not start with tenant_id");
            }
          }
        } else if (e.contains("primary") || e.contains("unique") || e.contains("references")) {
          hasKey |= e.contains("primary");
          if (!e.get(0).equals("tenant_id") || e.contains("references")) {
            problems.add(table + ": column " + e.get(0) + " is a key on its own");
          }
        }
      }
      if (!hasKey) {
        problems.add(table + ": no primary key");
      }
    } else if (t.contains("index")) {
      int on = t.indexOf("on");
      int open = t.subList(on, t.size()).indexOf("(") + on;
      if (on < 0 || !t.get(open + 1).equals("tenant_id")) {
        problems.add("index " + String.join(" ", t) + " does not start with tenant_id");
      }
    }
    return problems;
  }

  /** The tables a statement names, i.e. its identifiers starting with {@code tenantry_}. */
  static List<String> tables(String sql) {
    return tokens(sql).stream().filter(s -> s.startsWith("tenantry_")).toList();
  }
}
