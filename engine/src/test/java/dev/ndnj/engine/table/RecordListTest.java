package dev.ndnj.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordListTest {
  @Test
  void behavesLikeAnArrayListUnderRandomAddsRemovesAndClears() {
    Random rnd = new Random(5);
    RecordList<Integer> list = new RecordList<>();
    List<Integer> model = new ArrayList<>();
    for (int step = 0; step < 20_000; step++) {
      int op = rnd.nextInt(10);
      if (op < 5 || model.isEmpty()) {
        int v = rnd.nextInt();
        assertTrue(list.add(v));
        model.add(v);
      } else if (op < 9) {
        int i = rnd.nextInt(model.size());
        assertEquals(model.remove(i), list.remove(i));
      } else {
        list.clear();
        model.clear();
      }
      assertEquals(model, list);
      assertEquals(model.size(), list.size());
    }
  }

  @Test
  void indexesOutsideTheListAreRefused() {
    RecordList<String> list = new RecordList<>();
    assertThrows(IndexOutOfBoundsException.class, () -> list.get(0));
    list.add("a");
    list.add("b");
    list.add("c");
    assertEquals("c", list.get(2));
    assertThrows(IndexOutOfBoundsException.class, () -> list.get(3));
    assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> list.remove(3));
  }

  @Test
  void anIteratorSeesAChangeMadeBehindIt() {
    RecordList<String> list = new RecordList<>();
    list.add("a");
    list.add("b");
    Iterator<String> it = list.iterator();
    it.next();
    list.add("c");
    assertThrows(ConcurrentModificationException.class, it::next);
  }
}
