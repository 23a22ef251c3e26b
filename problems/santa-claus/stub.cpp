class SantaClaus {
 public:
  SantaClaus(int christmases, int elves) {}

  void santa(function<void()> prepareSleigh, function<void()> helpElves) {
    // prepareSleigh(): once per christmas, when all nine reindeer are back.
    // helpElves(): once per group of three elves who asked for help.
    prepareSleigh();
    helpElves();
  }

  void reindeer(function<void()> getHitched) {
    // getHitched(): after Santa prepared the sleigh. Call it exactly once.
    getHitched();
  }

  void elf(function<void()> getHelp) {
    // getHelp(): when Santa helps this elf's group of three. Call it exactly once.
    getHelp();
  }
};
