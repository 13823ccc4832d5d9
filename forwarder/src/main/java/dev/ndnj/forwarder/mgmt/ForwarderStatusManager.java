package dev.ndnj.forwarder.mgmt;

import dev.ndnj.engine.fw.Forwarder;
import dev.ndnj.engine.fw.ForwarderCounters;
import dev.ndnj.tlv.mgmt.ForwarderStatus;
import java.util.List;

/**
 * The {@code status} module (NFD's {@code ForwarderStatusManager}): the dataset {@code general}, from the forwarder's
 * counters and table sizes. ndnj has no name tree and no measurements table: NNameTreeEntries is the sum of the FIB,
 * PIT and strategy choice entries (what a name tree would hold, duplicates aside) and NMeasurementsEntries is 0.
 */
final class ForwarderStatusManager {
  private final ManagementDispatcher mgmt;

  ForwarderStatusManager(ManagementDispatcher mgmt) {
    this.mgmt = mgmt;
    mgmt.addDataset("status", "general", interest -> List.of(status()));
  }

  ForwarderStatus status() {
    Forwarder fw = mgmt.forwarder();
    ForwarderCounters c = fw.counters();
    int fib = fw.fib().size();
    int pit = fw.pit().size();
    int choices = fw.strategyChoice().entries().size();
    return ForwarderStatus.builder()
        .nfdVersion(mgmt.version())
        .startTimestamp(mgmt.startTimestamp())
        .currentTimestamp(mgmt.clock().epochMillis())
        .nNameTreeEntries(fib + pit + choices)
        .nFibEntries(fib)
        .nPitEntries(pit)
        .nMeasurementsEntries(0)
        .nCsEntries(fw.cs().size())
        .nInInterests(c.inInterests())
        .nInData(c.inData())
        .nInNacks(c.inNacks())
        .nOutInterests(c.outInterests())
        .nOutData(c.outData())
        .nOutNacks(c.outNacks())
        .nSatisfiedInterests(c.satisfiedInterests())
        .nUnsatisfiedInterests(c.unsatisfiedInterests())
        .build();
  }
}
